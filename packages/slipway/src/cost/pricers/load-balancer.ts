import { cite, qty, unitUsd } from '../format.js';
import { type CostLine, costLine, type Pricer, unpricedLine } from '../pricing-context.js';
import { literalString } from '../template-values.js';

/** An ALB spans at least two zones; used when the subnets are not a literal list. */
const MIN_ALB_ZONES = 2;

/**
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` of type application: hours plus `usage.albLcu`
 * LCU-hours, and, when internet-facing, one public IPv4 address per subnet (per zone).
 */
export const priceLoadBalancer: Pricer = (logicalId, resource, context) => {
  const props = resource.Properties ?? {};
  const type = literalString(props.Type) ?? 'application';
  if (type !== 'application') {
    return [
      unpricedLine(context, logicalId, resource, `the table prices application load balancers, not ${type}`),
    ];
  }
  const prices = context.prices.prices;
  const hourly = prices['alb.hour'];
  const lcu = prices['alb.lcu-hour'];
  const hours = context.usage.hoursPerMonth;
  const lcus = context.usage.albLcu;
  const lines: CostLine[] = [
    costLine(
      context,
      logicalId,
      resource,
      'Load balancer',
      hours * (hourly.usd + lcus * lcu.usd),
      `${qty(hours)} h × (${unitUsd(hourly)} + ${qty(lcus)} LCU × ${unitUsd(lcu)}) ${cite('ALB', hourly, lcu)}`,
    ),
  ];

  const scheme = literalString(props.Scheme) ?? 'internet-facing';
  const ipv6Only = literalString(props.IpAddressType) === 'dualstack-without-public-ipv4';
  if (scheme === 'internet-facing' && !ipv6Only) {
    const subnets = Array.isArray(props.Subnets)
      ? props.Subnets.length
      : Array.isArray(props.SubnetMappings)
        ? props.SubnetMappings.length
        : undefined;
    const addresses = subnets ?? MIN_ALB_ZONES;
    const assumed = subnets === undefined ? `; subnet count unknown, ${MIN_ALB_ZONES} zones assumed` : '';
    const ipv4 = prices['ipv4.address-hour'];
    lines.push(
      costLine(
        context,
        logicalId,
        resource,
        'Public IPv4',
        addresses * hours * ipv4.usd,
        `${qty(addresses)} addresses (one per subnet) × ${qty(hours)} h × ${unitUsd(ipv4)} ` +
          `${cite('public IPv4', ipv4)}${assumed}`,
      ),
    );
  }
  return lines;
};
