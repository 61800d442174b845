import { PRICE_TABLES } from './index.js';
import type { Price, RegionPriceTable } from './types.js';

/** Markers around the generated part of `docs/pricing.md`; the prose outside them is hand-kept. */
export const GENERATED_START = '<!-- generated price tables: start -->';
export const GENERATED_END = '<!-- generated price tables: end -->';

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function cells(key: string, price: Price): string[] {
  const where = price.note ? `${price.reference}. ${price.note}` : price.reference;
  return [
    `\`${key}\``,
    String(price.usd),
    cell(price.unit),
    price.source,
    price.date,
    price.verified ? 'yes' : 'no',
    cell(where),
  ];
}

/** A markdown table with padded columns, as the repository's formatter writes them. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (values: readonly string[]) =>
    `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function regionSection(prices: RegionPriceTable): string {
  const rows = [
    ...Object.entries(prices.prices).map(([key, price]) => cells(key, price)),
    ...Object.entries(prices.rdsInstanceHour).map(([instanceClass, price]) =>
      cells(`rds.${instanceClass}`, price),
    ),
  ];
  return [
    `### ${prices.region}: ${prices.name}`,
    '',
    table(['figure', 'USD', 'per', 'source', 'date', 'verified', 'where from'], rows),
  ].join('\n');
}

/** The price tables as markdown, one section per region, in region order. */
export function renderPriceTables(): string {
  return Object.keys(PRICE_TABLES)
    .sort()
    .map((region) => regionSection(PRICE_TABLES[region]!))
    .join('\n\n');
}

/** `doc` with its generated part replaced by `tables`; throws if the markers are missing. */
export function withGeneratedTables(doc: string, tables: string): string {
  const start = doc.indexOf(GENERATED_START);
  const end = doc.indexOf(GENERATED_END);
  if (start < 0 || end < start) {
    throw new Error(`pricing doc lacks the markers ${GENERATED_START} … ${GENERATED_END}`);
  }
  return `${doc.slice(0, start + GENERATED_START.length)}\n${tables}\n${doc.slice(end)}`;
}
