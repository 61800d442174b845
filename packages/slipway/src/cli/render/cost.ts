import type { CostItem } from '../../plan/types.js';
import { percent, usd } from './format.js';
import { renderTable } from './table.js';

/** The biggest line items, grouped by resource type, as `NAT gateway $33.00 (29 %)`. */
export function topCostDrivers(items: readonly CostItem[], count = 3): string {
  const total = items.reduce((sum, i) => sum + i.usd, 0);
  if (total === 0) return 'nothing billed';
  const byType = new Map<string, number>();
  for (const item of items) byType.set(item.type, (byType.get(item.type) ?? 0) + item.usd);
  return [...byType.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([type, value]) => `${shortType(type)} ${usd(value)} (${percent(value / total)})`)
    .join(' · ');
}

/** Every line item of one environment with its basis, most expensive first, and the total. */
export function costTable(items: readonly CostItem[]): string {
  const sorted = [...items].sort((a, b) => b.usd - a.usd);
  const total = items.reduce((sum, i) => sum + i.usd, 0);
  const rows = sorted.map((i) => [usd(i.usd), shortType(i.type), `${i.stack}/${i.resource}`, i.basis]);
  rows.push([usd(total), 'total', '', '']);
  return renderTable(['$/month', 'what', 'resource', 'basis'], rows, ['right']);
}

/** `AWS::EC2::NatGateway` → `EC2 NatGateway`: short enough for a summary line. */
function shortType(type: string): string {
  return type.replace(/^AWS::/, '').replace('::', ' ');
}
