// The cost estimator: prices synthesized templates from the bundled, dated price table.
export { CostEstimateError } from './errors.js';
export { type EstimateInput, estimateCost } from './estimate.js';
export { formatUsd } from './format.js';
export { PRICE_TABLES, pricedRegions, priceTableFor } from './prices/index.js';
export type { Price, PriceKey, PriceSource, RegionPrices, RegionPriceTable } from './prices/types.js';
export type { CostDriver, CostLine } from './pricing-context.js';
export { type CostDriverShare, type CostSummary, type SummaryOptions, summarizeCost } from './summarize.js';
