import type { PlanOutcome } from '../plan/run-plan.js';
import type { Finding } from '../checks/finding.js';
import { formatMonthly, formatUsd } from '../cost/format.js';
import { topCostItems } from '../cost/summarize.js';
import { type EnvironmentChanges, planDiff } from '../report/plan-diff.js';
import type { PlanOnDisk } from '../report/read-plan.js';
import { costAlertLines, costAlertOf, costChangeTable, scopeCosts } from './summary/cost-change.js';
import { diagramSection } from './summary/diagram-section.js';
import { diffSection } from './summary/diff-section.js';
import { ingressAlternativeLines } from './summary/ingress-alternative.js';
import { cell } from './summary/markdown-text.js';
import { findingsTable, newFindings, newFindingsSection, openFindings } from './summary/new-findings.js';

export interface PlanMarkdownOptions {
  /** This plan read back with its templates: each environment's diagram, and with `base` the diff. */
  readonly head?: PlanOnDisk;
  /** The base branch's plan: the cost change, the new findings and the resource diff against it. */
  readonly base?: PlanOnDisk;
  /** Why there is no base plan to compare with (first pull request, its plan failed); said near the top. */
  readonly baseMissing?: string;
}

/**
 * A plan as GitHub-flavoured markdown, for a pull request's job summary and comment: one row per
 * environment (cost, findings), the open findings, then the biggest cost items. Against a base
 * plan, a cost increase past `delivery.costAlert` comes first, then the cost change, the new
 * findings and what would be added, changed, replaced or removed; with the plan's templates, each
 * environment's architecture as a Mermaid chart. Reviewers see what the change costs and what it
 * trips without opening the log.
 */
export function renderPlanMarkdown(plan: PlanOutcome, options: PlanMarkdownOptions = {}): string {
  const open = openFindings(plan);
  const blocking = open.some((f) => f.level === 'error');
  const base = options.base?.plan;
  const scopes = base === undefined ? [] : scopeCosts(base, plan);
  const lines = [
    `## Slipway plan · ${plan.app}`,
    '',
    ...(base === undefined ? [] : costAlertLines(scopes, costAlertOf(plan))),
    ...(options.baseMissing === undefined
      ? []
      : [`**No base plan to compare with:** ${cell(options.baseMissing)} This plan is shown alone.`, '']),
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
  let changes: EnvironmentChanges[] | undefined;
  if (base !== undefined) {
    lines.push(
      ...costChangeTable(scopes),
      ...ingressAlternativeLines(plan),
      ...newFindingsSection(newFindings(base, plan)),
    );
    try {
      changes = options.head === undefined ? undefined : planDiff(options.base!, options.head);
    } catch (error) {
      lines.push(`**The resource diff could not be made:** ${cell((error as Error).message)}`, '');
    }
    if (changes !== undefined) lines.push(...diffSection(changes));
  }
  if (open.length > 0) {
    lines.push(
      base === undefined
        ? '### Open findings'
        : `<details><summary>All open findings (${open.length})</summary>`,
      '',
      '',
      ...findingsTable(open),
      '',
      ...(base === undefined ? [] : ['</details>', '']),
    );
  }
  if (options.head !== undefined) {
    try {
      lines.push(
        ...diagramSection(options.head, changes && new Map(changes.map((e) => [e.environment, e.stacks]))),
      );
    } catch (error) {
      lines.push(`**The diagrams could not be drawn:** ${cell((error as Error).message)}`, '');
    }
  }
  for (const env of plan.environments) {
    const top = topCostItems(env);
    if (top.length === 0) continue;
    lines.push(
      `<details><summary>${cell(env.name)}: biggest cost items</summary>`,
      '',
      '| $ / month | resource | basis |',
      '| ---: | --- | --- |',
      ...top.map((i) => `| ${formatUsd(i.usd)} | ${cell(`${i.stack}/${i.resource}`)} | ${cell(i.basis)} |`),
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
