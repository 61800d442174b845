import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::ApiGatewayV2::VpcLink`: a $0 line from the table's `apigateway.vpc-link-month`, which is
 * unverified: no charge for a V2 link was found (decision 027), and an absence is not a price. The
 * line keeps the link visible in the estimate, and its figure counts among the unverified ones.
 */
export const priceVpcLink: Pricer = (logicalId, resource, context) => {
  const link = context.prices.prices['apigateway.vpc-link-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'API Gateway',
      link.usd,
      `1 VPC link × ${unitUsd(link)}: no charge of its own found ${cite('API Gateway VPC link', link)}`,
    ),
  ];
};
