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

function figureTable(figures: readonly [string, Price][]): string {
  return table(
    ['figure', 'USD', 'per', 'source', 'date', 'verified', 'where from'],
    figures.map(([key, price]) => cells(key, price)),
  );
}

function allFigures(prices: RegionPriceTable): [string, Price][] {
  return [
    ...Object.entries(prices.prices),
    ...Object.entries(prices.rdsInstanceHour).map(([instanceClass, price]): [string, Price] => [
      `rds.${instanceClass}`,
      price,
    ]),
    ...Object.entries(prices.ec2InstanceHour).map(([instanceType, price]): [string, Price] => [
      `ec2.${instanceType}`,
      price,
    ]),
  ];
}

const NO_SOURCE: ReadonlySet<string> = new Set(['DERIVED', 'ASSUMED', 'UNV']);

/**
 * Figures a region has a source of its own for; the others are filled in by rule and summed up in
 * prose. The public IPv4 rate is one rate everywhere, so it counts for the base only.
 */
function sourcedFigures(prices: RegionPriceTable): [string, Price][] {
  return allFigures(prices).filter(
    ([key, price]) => !NO_SOURCE.has(price.source) && (!prices.ratio || key !== 'ipv4.address-hour'),
  );
}

const FILLED_IN =
  "Every other figure is filled in and unverified: us-east-1's × the ratio (`DERIVED`), Fargate ARM as " +
  "the region's x86 × 0.80, prices AWS sets alike everywhere (secrets, parameters, keys, hosted zones, " +
  "Cloud Map, ECR storage, the Spot factors) as us-east-1's (`ASSUMED`); the public IPv4 rate is AWS's " +
  'one rate for all commercial regions.';

function regionSection(prices: RegionPriceTable): string {
  const heading = `### ${prices.region}: ${prices.name}`;
  if (!prices.ratio) {
    return [
      heading,
      '',
      'The base every other region is filled in from.',
      '',
      figureTable(allFigures(prices)),
    ].join('\n');
  }
  const sourced = sourcedFigures(prices);
  return [
    heading,
    '',
    `Ratio to us-east-1: **${prices.ratio.factor}**, ${prices.ratio.basis}.`,
    '',
    sourced.length > 0 ? figureTable(sourced) : 'No figure of its own was found.',
    '',
    FILLED_IN,
  ].join('\n');
}

function regionSummary(tables: readonly RegionPriceTable[]): string {
  return table(
    ['region', 'name', 'ratio', 'figures with a source', 'unverified figures'],
    tables.map((t) => [
      t.region,
      t.name,
      t.ratio ? String(t.ratio.factor) : 'base',
      String(sourcedFigures(t).length),
      String(allFigures(t).filter(([, price]) => !price.verified).length),
    ]),
  );
}

/** The price tables as markdown: a summary of the regions, then one section per region, in region order. */
export function renderPriceTables(): string {
  const tables = Object.keys(PRICE_TABLES)
    .sort()
    .map((region) => PRICE_TABLES[region]!);
  return [regionSummary(tables), ...tables.map(regionSection)].join('\n\n');
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
