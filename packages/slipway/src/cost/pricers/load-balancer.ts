import { cite, qty, unitUsd } from '../format.js';
import { type Charge, type CostLine, costLine, type Pricer, unpricedLine } from '../pricing-context.js';
import type { RegionPrices } from '../prices/types.js';
import { literalString } from '../template-values.js';
import type { UsageModel } from '../../model/types.js';
import { publicIpv4Charge } from './public-ipv4.js';

/** An ALB spans at least two zones; used when the subnets are not a literal list. */
const MIN_ALB_ZONES = 2;

/** An application load balancer's own charge, with its two parts apart for the ingress comparison. */
export interface LoadBalancerCharge extends Charge {
  /** The hourly charge alone. */
  readonly hours: Charge;
  /** The LCU-hours alone (`usage.albLcu` on average). */
  readonly capacity: Charge;
}

/** Hours plus `usage.albLcu` LCU-hours over `usage.hoursPerMonth`. */
export function loadBalancerCharge(prices: RegionPrices, usage: UsageModel): LoadBalancerCharge {
  const hourly = prices['alb.hour'];
  const lcu = prices['alb.lcu-hour'];
  const hours = usage.hoursPerMonth;
  const lcus = usage.albLcu;
  const hoursUsd = hours * hourly.usd;
  const capacityUsd = hours * lcus * lcu.usd;
  return {
    usd: hoursUsd + capacityUsd,
    basis: `${qty(hours)} h × (${unitUsd(hourly)} + ${qty(lcus)} LCU × ${unitUsd(lcu)}) ${cite('ALB', hourly, lcu)}`,
    hours: { usd: hoursUsd, basis: `${qty(hours)} h × ${unitUsd(hourly)} ${cite('ALB', hourly)}` },
    capacity: {
      usd: capacityUsd,
      basis: `${qty(hours)} h × ${qty(lcus)} LCU × ${unitUsd(lcu)} ${cite('ALB', lcu)}`,
    },
  };
}

/** An internet-facing load balancer's addresses: one per subnet, that is one per zone. */
export function loadBalancerAddressesCharge(
  prices: RegionPrices,
  usage: UsageModel,
  addresses: number,
): Charge {
  return publicIpv4Charge(
    prices,
    addresses,
    usage.hoursPerMonth,
    `${qty(addresses)} addresses (one per subnet)`,
  );
}

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
  const own = loadBalancerCharge(prices, context.usage);
  const lines: CostLine[] = [costLine(context, logicalId, resource, 'Load balancer', own.usd, own.basis)];

  const scheme = literalString(props.Scheme) ?? 'internet-facing';
  const ipv6Only = literalString(props.IpAddressType) === 'dualstack-without-public-ipv4';
  if (scheme === 'internet-facing' && !ipv6Only) {
    const subnets = Array.isArray(props.Subnets)
      ? props.Subnets.length
      : Array.isArray(props.SubnetMappings)
        ? props.SubnetMappings.length
        : undefined;
    const addresses = loadBalancerAddressesCharge(prices, context.usage, subnets ?? MIN_ALB_ZONES);
    const assumed = subnets === undefined ? `; subnet count unknown, ${MIN_ALB_ZONES} zones assumed` : '';
    lines.push(
      costLine(context, logicalId, resource, 'Public IPv4', addresses.usd, `${addresses.basis}${assumed}`),
    );
  }
  return lines;
};
