import type { PlanOutcome } from '../plan/run-plan.js';
import type { Finding } from '../checks/finding.js';
import type { CostItem } from '../cost/cost-item.js';

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
    row('shared (CI)', '', plan.shared.stacks.length, plan.shared.monthlyCostUsd, plan.shared.findings),
    ...plan.environments.map((env) =>
      row(
        `${env.name}${env.production ? ' (production)' : ''}`,
        env.region,
        env.stacks.length,
        env.monthlyCostUsd,
        env.findings,
      ),
    ),
    '',
  ];
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

function row(
  scope: string,
  region: string,
  stacks: number,
  cost: number,
  findings: readonly Finding[],
): string {
  const open = findings.filter((f) => !f.acknowledged);
  const errors = open.filter((f) => f.level === 'error').length;
  const warnings = open.filter((f) => f.level === 'warning').length;
  const acknowledged = findings.length - open.length;
  return `| ${cell(scope)} | ${region} | ${stacks} | ${usd(cost)} | ${errors} | ${warnings} | ${acknowledged} |`;
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
