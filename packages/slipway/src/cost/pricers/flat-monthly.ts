import { cite, unitUsd } from '../format.js';
import type { PriceKey } from '../prices/types.js';
import { type CostDriver, costLine, type Pricer } from '../pricing-context.js';

export interface FlatMonthlyPrice {
  /** The table figure charged once a month per resource. */
  readonly price: PriceKey;
  readonly driver: CostDriver;
  /** What one resource is, in the basis: `key`, `hosted zone`. */
  readonly unit: string;
  /** The price's name in the citation: `KMS`, `Route 53`. */
  readonly source: string;
  /** What the line leaves out, when something is usage-priced: `requests not counted`. */
  readonly leavesOut?: string;
}

/** A pricer for resources that cost one flat figure a month each (keys, secrets, zones). */
export function flatMonthly(spec: FlatMonthlyPrice): Pricer {
  return (logicalId, resource, context) => {
    const price = context.prices.prices[spec.price];
    const leavesOut = spec.leavesOut === undefined ? '' : `; ${spec.leavesOut}`;
    return [
      costLine(
        context,
        logicalId,
        resource,
        spec.driver,
        price.usd,
        `1 ${spec.unit} × ${unitUsd(price)} per month ${cite(spec.source, price)}${leavesOut}`,
      ),
    ];
  };
}
