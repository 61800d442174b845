import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::Route53::HostedZone` and Cloud Map DNS namespaces (`AWS::ServiceDiscovery::PrivateDnsNamespace`,
 * `PublicDnsNamespace`), which each create a hosted zone. DNS queries are not estimated.
 */
export const priceHostedZone: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['route53.hosted-zone-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Private DNS',
      price.usd,
      `1 hosted zone × ${unitUsd(price)} per month ${cite('Route 53', price)}; DNS queries not counted`,
    ),
  ];
};
