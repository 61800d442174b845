// The cost estimator: prices synthesized templates from the bundled, dated price table.
export { CostEstimateError } from './errors.js';
export { type CostEstimate, type EstimateInput, estimateCost, estimateEnvironmentCost } from './estimate.js';
export { formatUsd } from './format.js';
export {
  type IngressAlternative,
  ingressAlternative,
  type IngressCostLine,
  type PricedIngressAlternative,
  type RuledOutIngressAlternative,
} from './ingress-alternative.js';
export { type UsageAssumption, listUsageAssumptions } from './usage-assumptions.js';
export { findPriceTable, PRICE_TABLES, pricedRegions, priceTableFor } from './prices/index.js';
export type {
  Price,
  PriceKey,
  PriceSource,
  RegionalRatio,
  RegionPrices,
  RegionPriceTable,
} from './prices/types.js';
export type { CostDriver, CostItem, UnpricedItem } from './cost-item.js';
export type { CostLine } from './pricing-context.js';
export {
  costDriverOf,
  type CostDriverShare,
  type CostSummary,
  type SummaryOptions,
  summarizeCost,
  topCostItems,
} from './summarize.js';
