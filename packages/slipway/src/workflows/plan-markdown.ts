import type { PlanOutcome } from '../plan/run-plan.js';
import type { Finding } from '../checks/finding.js';
import type { CostItem } from '../cost/cost-item.js';
import { formatMonthly } from '../cost/format.js';

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * A plan as GitHub-flavoured markdown, for a pull request's job summary: one row per environment
 * (cost, findings), the open findings, then the biggest cost items. Reviewers see what the
 * change costs and what it trips without opening the log.
 */
export function renderPlanMarkdown(plan: PlanOutcome): string {
  const findings = [...plan.shared.findings, ...plan.environments.flatMap((e) => e.findings)];
  const open = findings.filter((f) => !f.acknowledged && f.level !== 'info');
  const blocking = open.some((f) => f.level === 'error');
  const lines = [
    `## Slipway plan · ${plan.app}`,
    '',
    blocking
      ? '**✗ Unacknowledged error findings.** Fix them, or acknowledge each with a reason in the config.'
      : '**✓ No unacknowledged error findings.**',
    '',
    '| scope | region | stacks | $ / month | errors | warnings | acknowledged |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    row('shared (CI)', '', plan.shared.stacks.length, costCell(plan.shared), plan.shared.findings),
    ...plan.environments.map((env) =>
      row(
        `${env.name}${env.production ? ' (production)' : ''}`,
        env.region,
        env.stacks.length,
        costCell(env),
        env.findings,
      ),
    ),
    '',
  ];
  const notPriced = [
    ...(plan.shared.monthlyCostUsd === null ? [{ name: 'shared (CI)', scope: plan.shared }] : []),
    ...plan.environments.filter((e) => e.monthlyCostUsd === null).map((e) => ({ name: e.name, scope: e })),
  ];
  for (const { name, scope } of notPriced) {
    lines.push(
      `**${cell(name)} is not priced:** ${cell(scope.unpriced.map((u) => u.reason).join('; '))}`,
      '',
    );
  }
  if ([plan.shared, ...plan.environments].some((scope) => scope.unverifiedFigures > 0)) {
    lines.push(
      '≈ marks a cost that uses derived or assumed prices (see docs/pricing.md); the count says how many.',
      '',
    );
  }
  if (open.length > 0) {
    lines.push(
      '### Open findings',
      '',
      '| level | rule | stack | resource | detail |',
      '| --- | --- | --- | --- | --- |',
    );
    const sorted = [...open].sort(
      (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.stack.localeCompare(b.stack),
    );
    for (const f of sorted) {
      lines.push(
        `| ${f.level} | \`${cell(f.rule)}\` | ${cell(f.stack)} | ${cell(f.resource)} | ${cell(f.message)} |`,
      );
    }
    lines.push('');
  }
  for (const env of plan.environments) {
    const top = topItems(env.costItems);
    if (top.length === 0) continue;
    lines.push(
      `<details><summary>${cell(env.name)}: biggest cost items</summary>`,
      '',
      '| $ / month | resource | basis |',
      '| ---: | --- | --- |',
      ...top.map((i) => `| ${usd(i.usd)} | ${cell(`${i.stack}/${i.resource}`)} | ${cell(i.basis)} |`),
      '',
      '</details>',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `$51.09`, `≈ $51.09 (3 unverified)`, or `not priced`. */
function costCell(scope: { monthlyCostUsd: number | null; unverifiedFigures: number }): string {
  const total = formatMonthly(scope.monthlyCostUsd, scope.unverifiedFigures);
  return scope.monthlyCostUsd !== null && scope.unverifiedFigures > 0
    ? `${total} (${scope.unverifiedFigures} unverified)`
    : total;
}

function row(
  scope: string,
  region: string,
  stacks: number,
  cost: string,
  findings: readonly Finding[],
): string {
  const open = findings.filter((f) => !f.acknowledged);
  const errors = open.filter((f) => f.level === 'error').length;
  const warnings = open.filter((f) => f.level === 'warning').length;
  const acknowledged = findings.length - open.length;
  return `| ${cell(scope)} | ${region} | ${stacks} | ${cost} | ${errors} | ${warnings} | ${acknowledged} |`;
}

function topItems(items: readonly CostItem[], count = 5): CostItem[] {
  return [...items].sort((a, b) => b.usd - a.usd).slice(0, count);
}

function usd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}
