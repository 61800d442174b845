import {
  ACTION_WORDS,
  type ChangeAction,
  endangersData,
  type ResourceChange,
} from '../../deploy/resource-change.js';
import type { EnvironmentChanges } from '../../report/plan-diff.js';
import { cell } from './markdown-text.js';

/** Rows listed per environment before the rest is counted; the counts above stay whole. */
const ROWS_PER_ENVIRONMENT = 60;

const ACTIONS: readonly ChangeAction[] = ['add', 'modify', 'replace', 'remove'];
/** Row order: what loses data, then what is replaced, removed, changed in place, added. */
const ACTION_RANK: Record<ChangeAction, number> = { replace: 1, remove: 2, modify: 3, add: 4 };

interface Row extends ResourceChange {
  readonly environment: string;
  readonly stack: string;
}

/**
 * What merging would change, per environment: stateful replacements and removals first (a
 * database replaced is its data gone), then the counts, then each environment's rows.
 */
export function diffSection(environments: readonly EnvironmentChanges[]): string[] {
  const rows = environments.flatMap((env) =>
    env.stacks.flatMap((stack) =>
      stack.changes.map((change): Row => ({ ...change, environment: env.environment, stack: stack.name })),
    ),
  );
  const lines = ['### Changes against the base branch', ''];
  const dangerous = rows.filter(endangersData);
  if (dangerous.length > 0) {
    lines.push(
      '> [!CAUTION]',
      `> **${dangerous.length} stateful resource${dangerous.length === 1 ? '' : 's'} would be replaced, removed or moved** (a database replaced starts empty):`,
      ...dangerous.map(
        (r) =>
          `> - ${ACTION_WORDS[r.action]}: ${cell(r.environment)} · \`${cell(r.stack)}/${cell(r.logicalId)}\` (${r.type})${r.reason ? ` — ${cell(r.reason)}` : ''}`,
      ),
      '',
    );
  }
  if (rows.length === 0) return [...lines, 'No resource changes.', ''];
  lines.push('| environment | added | changed | replaced | removed |', '| --- | ---: | ---: | ---: | ---: |');
  for (const env of environments) {
    const own = rows.filter((r) => r.environment === env.environment);
    const counts = ACTIONS.map((action) => own.filter((r) => r.action === action).length);
    const name =
      env.presence === 'added'
        ? `${env.environment} (new)`
        : env.presence === 'removed'
          ? `${env.environment} (removed)`
          : env.environment;
    lines.push(`| ${cell(name)} | ${counts.join(' | ')} |`);
  }
  lines.push('');
  for (const env of environments) {
    // A new or removed environment is all one action: its counts say it all.
    if (env.presence !== 'both') continue;
    const own = rows.filter((r) => r.environment === env.environment).sort((a, b) => rank(a) - rank(b));
    if (own.length === 0) continue;
    lines.push(
      `<details><summary>${cell(env.environment)}: ${own.length} resource change${own.length === 1 ? '' : 's'}</summary>`,
      '',
      '| change | stack | resource | type | why |',
      '| --- | --- | --- | --- | --- |',
      ...own
        .slice(0, ROWS_PER_ENVIRONMENT)
        .map(
          (r) =>
            `| ${ACTION_WORDS[r.action]}${r.stateful ? ' (stateful)' : ''} | ${cell(r.stack)} | ${cell(r.logicalId)} | ${r.type} | ${cell(r.reason ?? '')} |`,
        ),
      ...(own.length > ROWS_PER_ENVIRONMENT ? ['', `…and ${own.length - ROWS_PER_ENVIRONMENT} more.`] : []),
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

function rank(row: Row): number {
  return endangersData(row) ? 0 : ACTION_RANK[row.action];
}
