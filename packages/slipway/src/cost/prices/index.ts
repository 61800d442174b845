import { CostEstimateError } from '../errors.js';
import { AF_SOUTH_1 } from './af-south-1.js';
import type { RegionPriceTable } from './types.js';
import { US_EAST_1 } from './us-east-1.js';

/** Every region the bundled table knows, by region code. */
export const PRICE_TABLES: Readonly<Record<string, RegionPriceTable>> = {
  [US_EAST_1.region]: US_EAST_1,
  [AF_SOUTH_1.region]: AF_SOUTH_1,
};

/** Region codes the table knows, sorted. */
export function pricedRegions(): string[] {
  return Object.keys(PRICE_TABLES).sort();
}

/**
 * The price table of `region`; throws a `CostEstimateError` naming the regions it knows when
 * there is none, since an estimate from another region's prices would be silently wrong.
 */
export function priceTableFor(region: string): RegionPriceTable {
  const table = PRICE_TABLES[region];
  if (!table) {
    throw new CostEstimateError(
      `No bundled prices for region "${region}". The price table knows: ${pricedRegions().join(', ')}. ` +
        "Set the environment's region to one of these, or add a table for it under packages/slipway/src/cost/prices/.",
    );
  }
  return table;
}
