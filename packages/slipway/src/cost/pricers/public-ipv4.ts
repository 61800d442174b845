import { cite, qty, unitUsd } from '../format.js';
import type { Charge } from '../pricing-context.js';
import type { RegionPrices } from '../prices/types.js';

/**
 * Public IPv4 addresses billed by the hour, attached or not (since 2024-02): an Elastic IP's one,
 * a load balancer's one per zone. `what` names them in the basis, e.g. `2 addresses (one per subnet)`.
 */
export function publicIpv4Charge(
  prices: RegionPrices,
  addresses: number,
  hours: number,
  what: string,
): Charge {
  const ipv4 = prices['ipv4.address-hour'];
  return {
    usd: addresses * hours * ipv4.usd,
    basis: `${what} × ${qty(hours)} h × ${unitUsd(ipv4)} ${cite('public IPv4', ipv4)}`,
  };
}
