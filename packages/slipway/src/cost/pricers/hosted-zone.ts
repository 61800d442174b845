import { flatMonthly } from './flat-monthly.js';

/**
 * `AWS::Route53::HostedZone` and Cloud Map DNS namespaces (`AWS::ServiceDiscovery::PrivateDnsNamespace`,
 * `PublicDnsNamespace`), which each create a hosted zone. DNS queries are not estimated.
 */
export const priceHostedZone = flatMonthly({
  price: 'route53.hosted-zone-month',
  driver: 'Private DNS',
  unit: 'hosted zone',
  source: 'Route 53',
  leavesOut: 'DNS queries not counted',
});
