import { cite, unitUsd } from '../format.js';
import { type Charge, costLine, type Pricer } from '../pricing-context.js';
import type { RegionPrices } from '../prices/types.js';

/**
 * A VPC link from the table's `apigateway.vpc-link-month`, which is unverified: no charge for a V2
 * link was found (decision 027), and an absence is not a price.
 */
export function vpcLinkCharge(prices: RegionPrices): Charge {
  const link = prices['apigateway.vpc-link-month'];
  return {
    usd: link.usd,
    basis: `1 VPC link × ${unitUsd(link)}: no charge of its own found ${cite('API Gateway VPC link', link)}`,
  };
}

/**
 * `AWS::ApiGatewayV2::VpcLink`: a $0 line (`vpcLinkCharge`). The line keeps the link visible in
 * the estimate, and its figure counts among the unverified ones.
 */
export const priceVpcLink: Pricer = (logicalId, resource, context) => {
  const charge = vpcLinkCharge(context.prices.prices);
  return [costLine(context, logicalId, resource, 'API Gateway', charge.usd, charge.basis)];
};
