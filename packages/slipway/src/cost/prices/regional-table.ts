import { assumedSame, derivedPrice } from './derive.js';
import { SAME_EVERYWHERE } from './regional-ratio.js';
import type { Price, PriceKey, RegionalRatio, RegionPrices, RegionPriceTable } from './types.js';

/** What one region's table is built from. */
export interface RegionTableInput {
  readonly region: string;
  readonly name: string;
  /** Figures with a source for this region (price list first, then hand-found ones). */
  readonly figures: Readonly<Partial<Record<PriceKey, Price>>>;
  readonly rdsInstanceHour: Readonly<Record<string, Price>>;
  readonly ec2InstanceHour: Readonly<Record<string, Price>>;
  /** How dear the region is against us-east-1, for every figure it lacks. */
  readonly ratio: RegionalRatio;
}

/** Fargate Linux/ARM costs 0.80 × Linux/x86 in us-east-1 (0.03238 / 0.04048); assumed alike elsewhere. */
const ARM_TO_X86 = 0.8;
const ARM_FROM_X86: Partial<Record<PriceKey, PriceKey>> = {
  'fargate.arm.vcpu-hour': 'fargate.x86.vcpu-hour',
  'fargate.arm.gb-hour': 'fargate.x86.gb-hour',
};

const SPOT_FACTORS: ReadonlySet<PriceKey> = new Set<PriceKey>(['fargate.spot-factor', 'ec2.spot-factor']);

/**
 * One figure the region has no source for: AWS's single public IPv4 rate as it is; prices set
 * alike everywhere taken over from us-east-1; Fargate ARM from the region's own x86 figure; the
 * rest us-east-1 × the region's ratio. Only the IPv4 rate stays verified.
 */
function fillIn(key: PriceKey, input: RegionTableInput, base: RegionPrices): Price {
  // AWS announced one public IPv4 rate for every commercial region, so it keeps its source.
  if (key === 'ipv4.address-hour') return base[key];
  if (SAME_EVERYWHERE.has(key)) {
    const why = SPOT_FACTORS.has(key)
      ? 'same assumption as us-east-1'
      : 'assumed to cost the same in every region';
    return assumedSame(base[key], 'us-east-1', why);
  }
  const x86Key = ARM_FROM_X86[key];
  const x86 = x86Key && input.figures[x86Key];
  if (x86) return derivedPrice(x86, ARM_TO_X86, 'x86 × 0.80, the ARM / x86 ratio in us-east-1');
  return derivedPrice(
    base[key],
    input.ratio.factor,
    `us-east-1 × ${input.ratio.factor}: ${input.ratio.basis}`,
  );
}

/** A whole table for a region: its sourced figures, the rest filled in and marked unverified. */
export function buildRegionTable(input: RegionTableInput, base: RegionPriceTable): RegionPriceTable {
  const keys = Object.keys(base.prices) as PriceKey[];
  const prices = Object.fromEntries(
    keys.map((key) => [key, input.figures[key] ?? fillIn(key, input, base.prices)]),
  ) as unknown as RegionPrices;
  return {
    region: input.region,
    name: input.name,
    prices,
    rdsInstanceHour: perInstance(base.rdsInstanceHour, input.rdsInstanceHour, input.ratio),
    ec2InstanceHour: perInstance(base.ec2InstanceHour, input.ec2InstanceHour, input.ratio),
    ratio: input.ratio,
  };
}

/** Every instance us-east-1 prices: the region's own figure, else us-east-1's × the ratio. */
function perInstance(
  base: Readonly<Record<string, Price>>,
  own: Readonly<Record<string, Price>>,
  ratio: RegionalRatio,
): Record<string, Price> {
  return Object.fromEntries(
    Object.entries(base).map(([instance, price]) => [
      instance,
      own[instance] ?? derivedPrice(price, ratio.factor, `us-east-1 × ${ratio.factor}: ${ratio.basis}`),
    ]),
  );
}
