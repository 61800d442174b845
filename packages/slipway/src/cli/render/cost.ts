import { formatUsd, summarizeCost } from '../../cost/index.js';
import type { CostItem } from '../../cost/cost-item.js';
import { percent } from './format.js';
import { renderTable } from './table.js';

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
