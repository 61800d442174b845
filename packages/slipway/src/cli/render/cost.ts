import { formatUsd, summarizeCost } from '../../cost/index.js';
import type { CostItem, UnpricedItem } from '../../cost/cost-item.js';
import { formatMonthly } from '../../cost/format.js';
import { percent, plural } from './format.js';
import { renderTable } from './table.js';

/** What a plan says about one scope's cost (an environment or the shared stacks). */
export interface ScopeCost {
  readonly monthlyCostUsd: number | null;
  readonly unpriced: readonly UnpricedItem[];
  readonly unverifiedFigures: number;
}

/**
 * `$51.09 / month`; `≈ $51.09 / month (3 figures unverified)` when derived or assumed figures went
 * into it; `not priced: <why>` when the region has no price table.
 */
export function monthlyCost(cost: ScopeCost): string {
  if (cost.monthlyCostUsd === null) {
    return `not priced: ${cost.unpriced.map((u) => u.reason).join('; ')}`;
  }
  const note = cost.unverifiedFigures > 0 ? ` (${plural(cost.unverifiedFigures, 'figure')} unverified)` : '';
  return `${formatMonthly(cost.monthlyCostUsd, cost.unverifiedFigures)} / month${note}`;
}

/** The biggest drivers of the monthly total, as `NAT gateway $33.08 (30 %)`. */
export function topCostDrivers(items: readonly CostItem[], count = 3): string {
  const { topDrivers } = summarizeCost(items, { top: count });
  if (topDrivers.length === 0) return 'nothing billed';
  return topDrivers.map((d) => `${d.label} ${formatUsd(d.usd)} (${percent(d.share)})`).join(' · ');
}

/** Every line item of one environment with its basis, most expensive first, and the total. */
export function costTable(items: readonly CostItem[]): string {
  const sorted = [...items].sort((a, b) => b.usd - a.usd);
  const total = items.reduce((sum, i) => sum + i.usd, 0);
  const rows = sorted.map((i) => [formatUsd(i.usd), `${i.stack}/${i.resource}`, i.basis]);
  rows.push([formatUsd(total), 'total', '']);
  return renderTable(['$/month', 'resource', 'basis'], rows, ['right']);
}
