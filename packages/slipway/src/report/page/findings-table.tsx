/** @jsxRuntime automatic */
/** @jsxImportSource preact */
import type { Finding, FindingLevel } from '../../checks/finding.js';
import type { FindingRow } from '../report-data.js';

export function openCount(findings: readonly Finding[], level: FindingLevel): number {
  return findings.filter((f) => !f.acknowledged && f.level === level).length;
}

/**
 * Open findings in a table, the acknowledged ones folded below with the reason each was accepted
 * for. A row whose resource is drawn links to its node (`data-node`): clicking it shows the node.
 */
export function FindingsTable({ rows, section }: { rows: readonly FindingRow[]; section: string }) {
  if (rows.length === 0) return <p class="muted">No findings.</p>;
  const open = rows.filter((f) => !f.acknowledged);
  const acknowledged = rows.filter((f) => f.acknowledged);
  return (
    <div>
      {open.length === 0 ? <p class="muted">No open findings.</p> : <Rows rows={open} section={section} />}
      {acknowledged.length > 0 && (
        <details>
          <summary>{acknowledged.length} acknowledged, with their reasons</summary>
          <Rows rows={acknowledged} section={section} />
        </details>
      )}
    </div>
  );
}

function Rows({ rows, section }: { rows: readonly FindingRow[]; section: string }) {
  return (
    <table class="findings">
      <thead>
        <tr>
          <th>level</th>
          <th>rule</th>
          <th>resource</th>
          <th>detail</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <tr
            class={`finding level-${f.level}${f.acknowledged ? ' acknowledged' : ''}${f.node ? ' linked' : ''}`}
            data-section={section}
            data-node={f.node}
          >
            <td>
              <span class={`level level-${f.level}`}>{f.level}</span>
            </td>
            <td>
              <code>{f.rule}</code>
            </td>
            <td>
              <span class="muted">{f.stack}/</span>
              {f.resource}
            </td>
            <td>
              {f.message}
              {f.acknowledged && <div class="reason">Acknowledged: {f.reason}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
