import { formatMonthly, formatUsd } from '../../cost/format.js';
import { DELIVERY_DEFAULTS } from '../../config/resolve/defaults.js';
import type { CostAlertModel } from '../../model/types.js';
import type { PlanOutcome } from '../../plan/run-plan.js';
import { cell, signedPercent, signedUsd } from './markdown-text.js';

/** One scope's monthly cost in the base plan and in this one. */
export interface ScopeCost {
  readonly name: string;
  /** Undefined when the plan has no such scope; null when it was not priced. */
  readonly before: number | null | undefined;
  readonly after: number | null | undefined;
}

const SHARED = 'shared (CI)';

/** The CI stacks, then every environment of either plan: this plan's order, then removed ones. */
export function scopeCosts(base: PlanOutcome, head: PlanOutcome): ScopeCost[] {
  const before = new Map(base.environments.map((e) => [e.name, e.monthlyCostUsd]));
  const headNames = new Set(head.environments.map((e) => e.name));
  return [
    { name: SHARED, before: base.shared.monthlyCostUsd, after: head.shared.monthlyCostUsd },
    ...head.environments.map((e) => ({ name: e.name, before: before.get(e.name), after: e.monthlyCostUsd })),
    ...base.environments
      .filter((e) => !headNames.has(e.name))
      .map((e) => ({ name: e.name, before: e.monthlyCostUsd, after: undefined })),
  ];
}

/**
 * The app's monthly total in each plan. A scope one plan could not price is left out of both
 * totals, so a region gaining a price table reads as no change rather than as its whole cost.
 */
export function totals(scopes: readonly ScopeCost[]): { before: number; after: number } {
  const comparable = scopes.filter((s) => s.before !== null && s.after !== null);
  const sum = (values: (number | null | undefined)[]) => values.reduce<number>((t, v) => t + (v ?? 0), 0);
  return { before: sum(comparable.map((s) => s.before)), after: sum(comparable.map((s) => s.after)) };
}

/** The thresholds the plan carries, or the defaults for a plan written without them. */
export function costAlertOf(plan: PlanOutcome): CostAlertModel | false {
  return plan.costAlert ?? DELIVERY_DEFAULTS.costAlert;
}

/**
 * The callout for the very top of the summary when the increase reaches either threshold, or
 * nothing. The percentage is of the base's total, so it is left out when the base cost nothing.
 */
export function costAlertLines(scopes: readonly ScopeCost[], alert: CostAlertModel | false): string[] {
  if (alert === false) return [];
  const { before, after } = totals(scopes);
  const increase = after - before;
  const byDollars = increase >= alert.monthlyUsd;
  const byPercent = before > 0 && (increase / before) * 100 >= alert.percent;
  if (increase <= 0 || !(byDollars || byPercent)) return [];
  const grown = scopes
    .filter((s) => s.before !== null && s.after !== null)
    .map((s) => ({ name: s.name, change: (s.after ?? 0) - (s.before ?? 0) }))
    .filter((s) => s.change > 0.005)
    .sort((a, b) => b.change - a.change)
    .map((s) => `${cell(s.name)} ${signedUsd(s.change)}`);
  const percent = signedPercent(increase, before);
  return [
    '> [!WARNING]',
    `> **Cost alert: ${signedUsd(increase)} a month${percent === '' ? '' : ` (${percent})`}** against the base branch, ` +
      `${formatUsd(before)} → ${formatUsd(after)}; the alert is set at +${formatUsd(alert.monthlyUsd, Number.isInteger(alert.monthlyUsd) ? 0 : 2)} or +${alert.percent} % (\`delivery.costAlert\`).`,
    ...(grown.length > 0 ? [`> Grows in: ${grown.join(', ')}.`] : []),
    '',
  ];
}

/** Before, after and the change per scope; new and removed environments say so. */
export function costChangeTable(scopes: readonly ScopeCost[]): string[] {
  const lines = [
    '### Cost against the base branch',
    '',
    '| scope | before $ / month | after $ / month | change |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const scope of scopes) {
    lines.push(`| ${cell(scope.name)} | ${money(scope.before)} | ${money(scope.after)} | ${change(scope)} |`);
  }
  const { before, after } = totals(scopes);
  lines.push(
    `| **total** | ${formatUsd(before)} | ${formatUsd(after)} | ${[signedUsd(after - before), signedPercent(after - before, before)].filter(Boolean).join(' ')} |`,
    '',
  );
  return lines;
}

function money(value: number | null | undefined): string {
  return value === undefined ? '—' : formatMonthly(value);
}

function change(scope: ScopeCost): string {
  if (scope.before === undefined) return '🆕 new environment';
  if (scope.after === undefined) return '🗑️ removed environment';
  if (scope.before === null || scope.after === null) return 'not priced';
  const diff = scope.after - scope.before;
  return [signedUsd(diff), signedPercent(diff, scope.before)].filter(Boolean).join(' ');
}
