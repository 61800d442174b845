import { assumedSame, derivedPrice } from './derive.js';
import type { Price, RegionPrices, RegionPriceTable } from './types.js';
import { US_EAST_1 } from './us-east-1.js';

/**
 * Cape Town costs more than N. Virginia. The only af-south-1 figures found are Fargate x86's (a 2021
 * third-party snapshot of the Fargate page); their ratio to us-east-1 (0.0546 / 0.04048 ≈ 1.35) is
 * applied to every other regional figure that has no af-south-1 source.
 */
export const AF_SOUTH_1_MULTIPLIER = 1.35;

/** Fargate Linux/ARM costs 0.80 × Linux/x86 in us-east-1 (0.03238 / 0.04048); assumed alike in Cape Town. */
const ARM_TO_X86 = 0.8;

const base = US_EAST_1.prices;
const REGIONAL = `us-east-1 × ${AF_SOUTH_1_MULTIPLIER}: the af-south-1 / us-east-1 ratio of Fargate x86`;
const SAME_EVERYWHERE = 'assumed to cost the same in every region';

function regional(price: Price): Price {
  return derivedPrice(price, AF_SOUTH_1_MULTIPLIER, REGIONAL);
}

const fargateX86Vcpu: Price = {
  usd: 0.0546,
  unit: 'vCPU-hour',
  source: '3P',
  reference:
    'per-region Fargate table of the open-source fgcalc calculator, copied from the AWS Fargate page',
  date: '2021',
  verified: false,
  note: 'a 2021 snapshot; no current primary figure found',
};

const fargateX86Gb: Price = { ...fargateX86Vcpu, usd: 0.006, unit: 'GB-hour' };

const prices: RegionPrices = {
  'fargate.x86.vcpu-hour': fargateX86Vcpu,
  'fargate.x86.gb-hour': fargateX86Gb,
  'fargate.arm.vcpu-hour': derivedPrice(
    fargateX86Vcpu,
    ARM_TO_X86,
    'x86 × 0.80, the ARM / x86 ratio in us-east-1',
  ),
  'fargate.arm.gb-hour': derivedPrice(
    fargateX86Gb,
    ARM_TO_X86,
    'x86 × 0.80, the ARM / x86 ratio in us-east-1',
  ),
  'fargate.ephemeral.gb-hour': regional(base['fargate.ephemeral.gb-hour']),
  'fargate.spot-factor': assumedSame(
    base['fargate.spot-factor'],
    'us-east-1',
    'same assumption as us-east-1',
  ),
  // AWS announced one public IPv4 rate for every commercial region, so this one keeps its source.
  'ipv4.address-hour': base['ipv4.address-hour'],
  'nat.hour': regional(base['nat.hour']),
  'nat.gb': regional(base['nat.gb']),
  'alb.hour': regional(base['alb.hour']),
  'alb.lcu-hour': regional(base['alb.lcu-hour']),
  'rds.gp3.gb-month': regional(base['rds.gp3.gb-month']),
  'rds.gp2.gb-month': regional(base['rds.gp2.gb-month']),
  'secretsmanager.secret-month': assumedSame(
    base['secretsmanager.secret-month'],
    'us-east-1',
    SAME_EVERYWHERE,
  ),
  'ssm.advanced-parameter-month': assumedSame(
    base['ssm.advanced-parameter-month'],
    'us-east-1',
    SAME_EVERYWHERE,
  ),
  'logs.ingested-gb': regional(base['logs.ingested-gb']),
  'logs.stored-gb-month': regional(base['logs.stored-gb-month']),
  'cloudwatch.alarm-metric-month': regional(base['cloudwatch.alarm-metric-month']),
  'cloudwatch.high-resolution-alarm-metric-month': regional(
    base['cloudwatch.high-resolution-alarm-metric-month'],
  ),
  'ecr.gb-month': assumedSame(base['ecr.gb-month'], 'us-east-1', SAME_EVERYWHERE),
  'kms.key-month': assumedSame(base['kms.key-month'], 'us-east-1', SAME_EVERYWHERE),
  'route53.hosted-zone-month': assumedSame(base['route53.hosted-zone-month'], 'us-east-1', SAME_EVERYWHERE),
  'cloudmap.registered-instance-month': assumedSame(
    base['cloudmap.registered-instance-month'],
    'us-east-1',
    SAME_EVERYWHERE,
  ),
  'vpc.interface-endpoint-az-hour': regional(base['vpc.interface-endpoint-az-hour']),
};

/** Africa (Cape Town): prod of the megadolls example runs here. Mostly derived figures. */
export const AF_SOUTH_1: RegionPriceTable = {
  region: 'af-south-1',
  name: 'Africa (Cape Town)',
  prices,
  rdsInstanceHour: Object.fromEntries(
    Object.entries(US_EAST_1.rdsInstanceHour).map(([instanceClass, price]) => [
      instanceClass,
      regional(price),
    ]),
  ),
};
