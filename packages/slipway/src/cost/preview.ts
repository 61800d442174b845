import type { Architecture } from '../model/types.js';
import { fargateTaskRate } from './pricers/fargate-rate.js';
import { priceTableFor } from './prices/index.js';

/**
 * Hourly cost of a preview environment: one Fargate Spot task of the given size with a public
 * IPv4 address. Previews share dev's network, load balancer and database, so nothing else is added.
 *
 * @param region region whose price table applies (throws `CostEstimateError` if unknown)
 * @param cpu Fargate CPU units, as in the model (256 = 0.25 vCPU)
 * @param memoryMiB task memory in MiB
 * @param architecture the task's CPU architecture
 */
export function previewHourlyUsd(
  region: string,
  cpu: number,
  memoryMiB: number,
  architecture: Architecture,
): number {
  const prices = priceTableFor(region).prices;
  const rate = fargateTaskRate(prices, { cpuUnits: cpu, memoryMiB, architecture });
  return rate.usdPerHour * prices['fargate.spot-factor'].usd + prices['ipv4.address-hour'].usd;
}
