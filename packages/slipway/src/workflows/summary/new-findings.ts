import { type Finding, LEVEL_ORDER } from '../../checks/finding.js';
import { allFindings } from '../../plan/findings.js';
import type { PlanOutcome } from '../../plan/run-plan.js';
import { cell } from './markdown-text.js';

/** Open warnings and errors: what a reviewer must weigh. */
export function openFindings(plan: PlanOutcome): Finding[] {
  return allFindings(plan).filter((f) => !f.acknowledged && f.level !== 'info');
}

/**
 * Open findings of this plan the base plan did not have open, matched on rule, stack and
 * resource (messages carry figures that change without the finding changing).
 */
export function newFindings(base: PlanOutcome, head: PlanOutcome): Finding[] {
  const key = (f: Finding) => `${f.rule}\u0000${f.stack}\u0000${f.resource}`;
  const before = new Set(openFindings(base).map(key));
  return openFindings(head).filter((f) => !before.has(key(f)));
}

export function newFindingsSection(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['**✓ No new open findings against the base branch.**', ''];
  return [`### New findings (${findings.length})`, '', ...findingsTable(findings), ''];
}

/** Findings as a Markdown table, errors first, then by stack. */
export function findingsTable(findings: readonly Finding[]): string[] {
  return [
    '| level | rule | stack | resource | detail |',
    '| --- | --- | --- | --- | --- |',
    ...[...findings]
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.stack.localeCompare(b.stack))
      .map(
        (f) =>
          `| ${f.level} | \`${cell(f.rule)}\` | ${cell(f.stack)} | ${cell(f.resource)} | ${cell(f.message)} |`,
      ),
  ];
}
