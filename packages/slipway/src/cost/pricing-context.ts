import type { UsageModel } from '../model/types.js';
import type { CostDriver, CostItem } from './cost-item.js';
import type { CfnResource, SynthesizedStack } from '../template/types.js';
import type { RegionPriceTable } from './prices/types.js';

export type { CostDriver } from './cost-item.js';

/** A `CostItem` as the estimator makes it: plus the driver it counts under and whether it has a price. */
export interface CostLine extends CostItem {
  readonly driver: CostDriver;
  /** True when the resource costs money the table cannot price; `usd` is then 0 and `basis` says why. */
  readonly unpriced?: boolean;
}

/**
 * One priced part before it becomes a line: what a pricer and the ingress comparison
 * (`ingress-alternative.ts`) both compute, so a formula lives in one place.
 */
export interface Charge {
  readonly usd: number;
  /** How the figure was reached, with its source citation. */
  readonly basis: string;
}

/** Everything a pricer may read besides the resource itself. */
export interface PricingContext {
  readonly prices: RegionPriceTable;
  readonly usage: UsageModel;
  /** The stack holding the resource being priced. */
  readonly stack: SynthesizedStack;
  /** Every stack being priced, for values that live elsewhere (a cluster's default capacity providers). */
  readonly stacks: readonly SynthesizedStack[];
  /**
   * The log group that carries the environment's log volume (`usage.logGbPerMonth`), so it is
   * counted once however many log groups there are; undefined when there is none.
   */
  readonly logVolumeAnchor?: { readonly stack: string; readonly logicalId: string };
}

/** Prices one resource. Pure: the same resource and context always give the same lines. */
export type Pricer = (logicalId: string, resource: CfnResource, context: PricingContext) => CostLine[];

/** A line for `resource` in the context's stack. */
export function costLine(
  context: PricingContext,
  logicalId: string,
  resource: CfnResource,
  driver: CostDriver,
  usd: number,
  basis: string,
): CostLine {
  return { stack: context.stack.name, resource: logicalId, type: resource.Type, usd, basis, driver };
}

/** A $0 line for a resource that costs money the table cannot price, saying why. */
export function unpricedLine(
  context: PricingContext,
  logicalId: string,
  resource: CfnResource,
  reason: string,
): CostLine {
  return {
    ...costLine(context, logicalId, resource, 'Not priced', 0, `not priced: ${reason}`),
    unpriced: true,
  };
}
