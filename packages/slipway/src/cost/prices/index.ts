import { CostEstimateError } from '../errors.js';
import { priceFromList, type PriceListFigure, type PriceListFigures } from './price-list/figures.js';
import { PRICE_LIST_FIGURES } from './price-list-figures.js';
import { REGION_SOURCES, type RegionSource } from './regional-figures.js';
import { type InstanceHours, ratioFromFigures } from './regional-ratio.js';
import { buildRegionTable } from './regional-table.js';
import type { Price, PriceKey, RegionalRatio, RegionPriceTable } from './types.js';
import { US_EAST_1 } from './us-east-1.js';

type Figures = Partial<Record<PriceKey, Price>>;

/** A region's sourced figures: the price list's (its own and the global ones) first, then those found by hand. */
function sourcedFigures(
  region: string,
  hand: Figures,
  handInstances: InstanceHours,
  list: PriceListFigures,
): { figures: Figures; instances: InstanceHours } {
  const fromList = list.regions[region];
  const figures: Figures = { ...hand };
  const listed = { ...list.global, ...fromList?.prices };
  for (const [key, figure] of Object.entries(listed) as [PriceKey, PriceListFigure][]) {
    figures[key] = priceFromList(figure, US_EAST_1.prices[key].unit);
  }
  const rds: Record<string, Price> = { ...handInstances.rds };
  for (const [instanceClass, figure] of Object.entries(fromList?.rdsInstanceHour ?? {})) {
    rds[instanceClass] = priceFromList(figure, 'instance-hour');
  }
  return { figures, instances: { rds, ec2: handInstances.ec2 } };
}

/** us-east-1, the base every other table is filled in from, with its price-list figures applied. */
function baseTable(list: PriceListFigures): RegionPriceTable {
  const { figures, instances } = sourcedFigures(
    'us-east-1',
    US_EAST_1.prices,
    { rds: US_EAST_1.rdsInstanceHour, ec2: US_EAST_1.ec2InstanceHour },
    list,
  );
  return {
    ...US_EAST_1,
    prices: figures as RegionPriceTable['prices'],
    rdsInstanceHour: instances.rds,
    ec2InstanceHour: instances.ec2,
  };
}

/**
 * Every region's table: regions with figures of their own get their ratio from them; the others
 * borrow a neighbour's (`ratioFrom`), so the order of `REGION_SOURCES` does not matter.
 */
export function buildPriceTables(
  sources: Readonly<Record<string, RegionSource>>,
  list: PriceListFigures,
): Record<string, RegionPriceTable> {
  const base = baseTable(list);
  const baseInstances = { rds: base.rdsInstanceHour, ec2: base.ec2InstanceHour };
  const inputs = Object.entries(sources).map(([region, source]) => ({
    region,
    source,
    ...sourcedFigures(
      region,
      source.figures ?? {},
      { rds: source.rdsInstanceHour ?? {}, ec2: source.ec2InstanceHour ?? {} },
      list,
    ),
  }));
  const ratios = new Map<string, RegionalRatio>();
  for (const { region, figures, instances } of inputs) {
    const ratio = ratioFromFigures(region, figures, instances, base.prices, baseInstances);
    if (ratio) ratios.set(region, ratio);
  }
  const tables: Record<string, RegionPriceTable> = { [base.region]: base };
  for (const { region, source, figures, instances } of inputs) {
    const ratio = ratios.get(region) ?? borrowedRatio(region, source, ratios);
    tables[region] = buildRegionTable(
      {
        region,
        name: source.name,
        figures,
        rdsInstanceHour: instances.rds,
        ec2InstanceHour: instances.ec2,
        ratio,
      },
      base,
    );
  }
  return tables;
}

function borrowedRatio(
  region: string,
  source: RegionSource,
  ratios: ReadonlyMap<string, RegionalRatio>,
): RegionalRatio {
  const from = source.ratioFrom;
  const lent = from && ratios.get(from.region);
  if (!from || !lent) {
    throw new Error(
      `price table for ${region}: no sourced figure and no ratioFrom region with one; add either to regional-figures.ts`,
    );
  }
  return {
    factor: lent.factor,
    basis: `${from.region}'s ratio (${from.why}); no figure found for ${region}`,
  };
}

/** Every region the bundled table knows, by region code. */
export const PRICE_TABLES: Readonly<Record<string, RegionPriceTable>> = buildPriceTables(
  REGION_SOURCES,
  PRICE_LIST_FIGURES,
);

/** Region codes the table knows, sorted. */
export function pricedRegions(tables: Readonly<Record<string, RegionPriceTable>> = PRICE_TABLES): string[] {
  return Object.keys(tables).sort();
}

/** The price table of `region`, or undefined when the bundle has none. */
export function findPriceTable(
  region: string,
  tables: Readonly<Record<string, RegionPriceTable>> = PRICE_TABLES,
): RegionPriceTable | undefined {
  return Object.hasOwn(tables, region) ? tables[region] : undefined;
}

/** Why `region` cannot be priced, for the "not priced" entry of an estimate. */
export function missingTableReason(
  region: string,
  tables: Readonly<Record<string, RegionPriceTable>> = PRICE_TABLES,
): string {
  return (
    `no bundled prices for region "${region}"; the price table knows ${pricedRegions(tables).length} regions. ` +
    'Add its figures to packages/slipway/src/cost/prices/regional-figures.ts, or build them from the AWS price list (docs/pricing.md)'
  );
}

/**
 * The price table of `region`; throws a `CostEstimateError` when there is none. The estimator
 * does not call this: it prices such a region as "not priced" instead.
 */
export function priceTableFor(region: string): RegionPriceTable {
  const table = findPriceTable(region);
  if (!table) throw new CostEstimateError(missingTableReason(region));
  return table;
}
