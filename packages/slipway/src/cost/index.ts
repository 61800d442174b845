// The cost estimator: prices synthesized templates from the bundled, dated price table.
export { CostEstimateError } from './errors.js';
export { type CostEstimate, type EstimateInput, estimateCost, estimateEnvironmentCost } from './estimate.js';
export { formatUsd } from './format.js';
export { findPriceTable, PRICE_TABLES, pricedRegions, priceTableFor } from './prices/index.js';
export type {
  Price,
  PriceKey,
  PriceSource,
  RegionalRatio,
  RegionPrices,
  RegionPriceTable,
} from './prices/types.js';
export type { CostDriver, CostLine } from './pricing-context.js';
export { type CostDriverShare, type CostSummary, type SummaryOptions, summarizeCost } from './summarize.js';
