import type { Ingress, LoadBalancerNeed } from '../model/ingress.js';
import type { EnvironmentModel } from '../model/types.js';
import type { CostDriver } from './cost-item.js';
import { httpApiRequestCharge } from './pricers/http-api.js';
import { loadBalancerAddressesCharge, loadBalancerCharge } from './pricers/load-balancer.js';
import { vpcLinkCharge } from './pricers/vpc-link.js';
import { findPriceTable } from './prices/index.js';
import type { RegionPrices, RegionPriceTable } from './prices/types.js';
import { recordingTable } from './recording-table.js';

/** One priced part of an ingress that is not built: what it is, and how the figure was reached. */
export interface IngressCostLine {
  /** What the part is, as the one-line summary names it: `hours`, `capacity units`, `2 public IPv4`, `requests`, `VPC link`. */
  readonly part: string;
  readonly driver: CostDriver;
  /** The CloudFormation type that would bill it. */
  readonly type: string;
  readonly usd: number;
  /** How the figure was reached, with its source, like an estimate line's. */
  readonly basis: string;
}

/** The other ingress priced for the same environment, and what the HTTP API saves against the load balancer. */
export interface PricedIngressAlternative {
  /** The ingress the environment does not have. */
  readonly ingress: Ingress;
  /** What it would cost a month, unrounded. */
  readonly usdPerMonth: number;
  /** What the environment's own ingress costs a month by the same reckoning. */
  readonly currentUsdPerMonth: number;
  /**
   * The load balancer's monthly cost minus the HTTP API's, whichever of the two the environment
   * has: what the HTTP API saves. Negative when its requests cost more than the load balancer.
   */
  readonly savingUsdPerMonth: number;
  readonly lines: readonly IngressCostLine[];
  /** Names of the derived, assumed or otherwise unverified figures the lines used. */
  readonly unverified: readonly string[];
  /** The same for the saving: the figures of both ingresses. */
  readonly savingUnverified: readonly string[];
}

/** A load-balanced environment that cannot have the HTTP API, and what rules it out. */
export interface RuledOutIngressAlternative {
  readonly ingress: 'http-api';
  readonly needsLoadBalancer: readonly LoadBalancerNeed[];
}

export type IngressAlternative = PricedIngressAlternative | RuledOutIngressAlternative;

/** What the comparison reads of an environment. */
export type IngressAlternativeInputs = Pick<
  EnvironmentModel,
  'region' | 'production' | 'availabilityZones' | 'usage' | 'services' | 'ingressChoice'
>;

/**
 * The ingress an environment does not have, priced from the same pricers' charges, price table
 * and usage as its estimate, with no second synthesis:
 * - on the HTTP API: what the load balancer would cost (hours, LCU-hours and one public IPv4
 *   address per zone, internet-facing across the public subnets as the runtime stack builds it);
 * - on the load balancer outside production with nothing needing it: what the HTTP API would cost
 *   (its requests and VPC link);
 * - on the load balancer with something needing it: the needs, and no figures.
 *
 * Only the ingress itself is compared: the load balancer's access-log bucket, the HTTP API's
 * access-log group and the alarms on either differ too, but are unpriced or counted elsewhere.
 * Undefined when no service is public, for production on the load balancer by choice, and for a
 * region without a price table.
 */
export function ingressAlternative(
  env: IngressAlternativeInputs,
  priceTables?: Readonly<Record<string, RegionPriceTable>>,
): IngressAlternative | undefined {
  const choice = env.ingressChoice;
  if (!env.services.some((service) => service.public)) return undefined;
  if (choice.ingress === 'load-balancer' && choice.needsLoadBalancer.length > 0) {
    return { ingress: 'http-api', needsLoadBalancer: choice.needsLoadBalancer };
  }
  if (choice.ingress === 'load-balancer' && env.production) return undefined;
  const table = findPriceTable(env.region, priceTables);
  if (!table) return undefined;

  const other: Ingress = choice.ingress === 'http-api' ? 'load-balancer' : 'http-api';
  // Each side reads its own view of the table, so each knows which of its figures are unverified.
  const otherSide = recordingTable(table);
  const currentSide = recordingTable(table);
  const lines = priceIngress(other, env, otherSide.table.prices);
  const current = sum(priceIngress(choice.ingress, env, currentSide.table.prices));
  const usdPerMonth = sum(lines);
  const loadBalancerUsd = other === 'load-balancer' ? usdPerMonth : current;
  const httpApiUsd = other === 'http-api' ? usdPerMonth : current;
  const unverified = otherSide.unverified();
  return {
    ingress: other,
    usdPerMonth,
    currentUsdPerMonth: current,
    savingUsdPerMonth: loadBalancerUsd - httpApiUsd,
    lines,
    unverified,
    savingUnverified: [...new Set([...unverified, ...currentSide.unverified()])].sort(),
  };
}

/** The parts one ingress bills for the environment, from the pricers' own charges. */
export function priceIngress(
  ingress: Ingress,
  env: Pick<EnvironmentModel, 'availabilityZones' | 'usage'>,
  prices: RegionPrices,
): IngressCostLine[] {
  if (ingress === 'http-api') {
    const requests = httpApiRequestCharge(prices, env.usage);
    const link = vpcLinkCharge(prices);
    return [
      { part: 'requests', driver: 'API Gateway', type: 'AWS::ApiGatewayV2::Api', ...requests },
      { part: 'VPC link', driver: 'API Gateway', type: 'AWS::ApiGatewayV2::VpcLink', ...link },
    ];
  }
  const type = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
  const own = loadBalancerCharge(prices, env.usage);
  const zones = env.availabilityZones.length;
  const addresses = loadBalancerAddressesCharge(prices, env.usage, zones);
  return [
    // The pricer's one line, split so a reader sees what is fixed and what moves with traffic.
    { part: 'hours', driver: 'Load balancer', type, ...own.hours },
    { part: 'capacity units', driver: 'Load balancer', type, ...own.capacity },
    { part: `${zones} public IPv4`, driver: 'Public IPv4', type, ...addresses },
  ];
}

function sum(lines: readonly IngressCostLine[]): number {
  return lines.reduce((total, line) => total + line.usd, 0);
}
