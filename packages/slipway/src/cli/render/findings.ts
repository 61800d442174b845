import pc from 'picocolors';
import { type Finding, LEVEL_ORDER } from '../../checks/finding.js';
import { plural } from './format.js';
import { renderTable } from './table.js';

/** `0 errors · 2 warnings · 15 acknowledged`: open findings by level, then the acknowledged ones. */
export function findingCounts(findings: readonly Finding[]): string {
  const open = findings.filter((f) => !f.acknowledged);
  const errors = open.filter((f) => f.level === 'error').length;
  const warnings = open.filter((f) => f.level === 'warning').length;
  const acknowledged = findings.length - open.length;
  const errorText = plural(errors, 'error');
  return [
    errors > 0 ? pc.red(errorText) : errorText,
    plural(warnings, 'warning'),
    `${acknowledged} acknowledged`,
  ].join(' · ');
}

/** A table of findings, errors first; acknowledged ones show their reason instead of the message. */
export function findingsTable(findings: readonly Finding[]): string {
  const sorted = [...findings].sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.stack.localeCompare(b.stack) ||
      a.rule.localeCompare(b.rule),
  );
  const rows = sorted.map((f) => [
    levelLabel(f),
    f.rule,
    f.stack,
    f.resource,
    f.acknowledged ? pc.dim(`acknowledged: ${f.reason ?? ''}`) : f.message,
  ]);
  return renderTable(['level', 'rule', 'stack', 'resource', 'detail'], rows);
}

function levelLabel(f: Finding): string {
  if (f.acknowledged) return pc.dim(f.level);
  if (f.level === 'error') return pc.red(f.level);
  if (f.level === 'warning') return pc.yellow(f.level);
  return f.level;
}
