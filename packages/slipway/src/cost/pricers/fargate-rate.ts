import type { Architecture } from '../../model/types.js';
import { qty, unitUsd } from '../format.js';
import type { Price, RegionPrices } from '../prices/types.js';

/** Fargate includes this much ephemeral storage in every task. */
export const FREE_EPHEMERAL_GIB = 20;

/** The size of one Fargate task. */
export interface TaskSize {
  /** Fargate CPU units (1024 = 1 vCPU). */
  readonly cpuUnits: number;
  readonly memoryMiB: number;
  readonly architecture: Architecture;
  /** Ephemeral storage asked for. @default 20 (the free amount) */
  readonly ephemeralGiB?: number;
}

/** The on-demand hourly price of one task, with its arithmetic spelled out. */
export interface TaskRate {
  readonly usdPerHour: number;
  /** e.g. `0.25 vCPU × $0.03238 + 0.5 GB × $0.00356`. */
  readonly formula: string;
  /** `Fargate ARM` or `Fargate x86`. */
  readonly label: string;
  /** The table entries used, for the citation. */
  readonly prices: readonly Price[];
}

export function fargateTaskRate(prices: RegionPrices, size: TaskSize): TaskRate {
  const arm = size.architecture === 'arm64';
  const vcpuPrice = arm ? prices['fargate.arm.vcpu-hour'] : prices['fargate.x86.vcpu-hour'];
  const gbPrice = arm ? prices['fargate.arm.gb-hour'] : prices['fargate.x86.gb-hour'];
  const vcpu = size.cpuUnits / 1024;
  const gb = size.memoryMiB / 1024;
  const extraStorage = Math.max(0, (size.ephemeralGiB ?? FREE_EPHEMERAL_GIB) - FREE_EPHEMERAL_GIB);

  let usdPerHour = vcpu * vcpuPrice.usd + gb * gbPrice.usd;
  let formula = `${qty(vcpu)} vCPU × ${unitUsd(vcpuPrice)} + ${qty(gb)} GB × ${unitUsd(gbPrice)}`;
  const used = [vcpuPrice, gbPrice];
  if (extraStorage > 0) {
    // Read only when billed: an estimate counts the figures it reads (recording-table.ts).
    const storagePrice = prices['fargate.ephemeral.gb-hour'];
    usdPerHour += extraStorage * storagePrice.usd;
    formula += ` + ${qty(extraStorage)} GB storage × ${unitUsd(storagePrice)}`;
    used.push(storagePrice);
  }
  return { usdPerHour, formula, label: arm ? 'Fargate ARM' : 'Fargate x86', prices: used };
}
