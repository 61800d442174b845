/** @jsxRuntime automatic */
/** @jsxImportSource preact */
import { formatMonthly } from '../../cost/format.js';
import { ACTION_WORDS, endangersData } from '../../deploy/resource-change.js';
import type { ChangeRow, EnvironmentSection } from '../report-data.js';
import { FindingsTable } from './findings-table.js';

/** One environment: its diagram, its findings and, when compared with something, its changes. */
export function EnvironmentView({ env, position }: { env: EnvironmentSection; position: number }) {
  const { plan } = env;
  const section = `env${position}`;
  return (
    <section id={`env-${plan.name}`} class="environment" data-environment={plan.name} data-section={section}>
      <h2>
        {plan.name} <span class="muted">· {plan.region}</span>
        {plan.production && <span class="tag">production</span>}
        <span class="cost">{formatMonthly(plan.monthlyCostUsd, plan.unverifiedFigures)} / month</span>
      </h2>
      <div class="diagram" dangerouslySetInnerHTML={{ __html: env.diagramSvg }} />
      {env.changes !== undefined && <ChangesTable rows={env.changes} section={section} />}
      <h3>Findings</h3>
      <FindingsTable rows={env.findings} section={section} />
    </section>
  );
}

function ChangesTable({ rows, section }: { rows: readonly ChangeRow[]; section: string }) {
  const stateful = rows.filter(endangersData);
  return (
    <div>
      <h3>Changes</h3>
      {stateful.length > 0 && (
        <p class="alert">
          {stateful.length} stateful resource{stateful.length === 1 ? '' : 's'} would be replaced, removed or
          moved: {stateful.map((r) => r.logicalId).join(', ')}. A deploy stops on{' '}
          {stateful.length === 1 ? 'it' : 'them'} unless allowed by name.
        </p>
      )}
      {rows.length === 0 ? (
        <p class="muted">No changes.</p>
      ) : (
        <table class="changes">
          <thead>
            <tr>
              <th>change</th>
              <th>resource</th>
              <th>type</th>
              <th>why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                class={`change action-${r.action}${r.stateful ? ' stateful' : ''}${r.node ? ' linked' : ''}`}
                data-section={section}
                data-node={r.node}
              >
                <td>
                  <span class={`action action-${r.action}`}>{ACTION_WORDS[r.action]}</span>
                  {r.stateful && <span class="tag">stateful</span>}
                </td>
                <td>
                  <span class="muted">{r.stack}/</span>
                  {r.logicalId}
                </td>
                <td>
                  <code>{r.type}</code>
                </td>
                <td>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
