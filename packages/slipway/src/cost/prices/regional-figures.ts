import type { Price, PriceKey } from './types.js';

/**
 * What was found for each region other than us-east-1, with its source. Everything a region lacks
 * is filled in by `regional-table.ts` (us-east-1 × the region's ratio, marked DERIVED), so a region
 * with a single sourced figure still gets a whole table. Figures from AWS's price list, once built
 * from the offer files (`price-list-figures.ts`), take precedence over every figure here.
 */
export interface RegionSource {
  /** AWS's name for the region, e.g. `Europe (Ireland)`. */
  readonly name: string;
  /** Figures found for this region. */
  readonly figures?: Partial<Record<PriceKey, Price>>;
  /** Single-AZ PostgreSQL instance-hour prices found for this region, by class. */
  readonly rdsInstanceHour?: Readonly<Record<string, Price>>;
  /** EC2 Linux on-demand instance-hour prices found for this region, by instance type. */
  readonly ec2InstanceHour?: Readonly<Record<string, Price>>;
  /**
   * For a region with no figure of its own: the region whose ratio to us-east-1 it borrows, and
   * why that one.
   */
  readonly ratioFrom?: { readonly region: string; readonly why: string };
}

const FGCALC =
  'per-region Fargate table of the open-source fgcalc calculator, copied from the AWS Fargate page';
const SNAPSHOT = 'a 2021 snapshot; no current primary figure found';

/** Fargate Linux/x86 per vCPU-hour and GB-hour from the 2021 snapshot: unverified. */
function fargate2021(vcpu: number, gb: number): Partial<Record<PriceKey, Price>> {
  const base = { source: '3P', reference: FGCALC, date: '2021', verified: false, note: SNAPSHOT } as const;
  return {
    'fargate.x86.vcpu-hour': { ...base, usd: vcpu, unit: 'vCPU-hour' },
    'fargate.x86.gb-hour': { ...base, usd: gb, unit: 'GB-hour' },
  };
}

/** Fargate Linux/x86 figures that a later source confirms. */
function fargateConfirmed(
  vcpu: number,
  gb: number,
  source: Price['source'],
  reference: string,
  date: string,
): Partial<Record<PriceKey, Price>> {
  const base = { source, reference, date, verified: true } as const;
  return {
    'fargate.x86.vcpu-hour': { ...base, usd: vcpu, unit: 'vCPU-hour' },
    'fargate.x86.gb-hour': { ...base, usd: gb, unit: 'GB-hour' },
  };
}

const IRELAND_BILL =
  'a published Cost Explorer extract of an eu-west-1 account, July 2026: billed amount ÷ quantity';
const PER_REGION_2024 = `${FGCALC} (2021); a third-party per-region Fargate table of 2024 agrees`;

function fromBill(usd: number, unit: string, arithmetic: string): Price {
  return {
    usd,
    unit,
    source: '3P',
    reference: `${IRELAND_BILL} (${arithmetic})`,
    date: '2026-07',
    verified: true,
  };
}

export const REGION_SOURCES: Readonly<Record<string, RegionSource>> = {
  'us-east-2': { name: 'US East (Ohio)', figures: fargate2021(0.04048, 0.004445) },
  'us-west-1': { name: 'US West (N. California)', figures: fargate2021(0.04656, 0.00511) },
  'us-west-2': {
    name: 'US West (Oregon)',
    figures: fargateConfirmed(0.04048, 0.004445, '3P', PER_REGION_2024, '2024'),
  },
  'ca-central-1': { name: 'Canada (Central)', figures: fargate2021(0.04456, 0.004865) },
  'ca-west-1': {
    name: 'Canada West (Calgary)',
    ratioFrom: { region: 'ca-central-1', why: 'the other Canadian region' },
  },
  'mx-central-1': {
    name: 'Mexico (Central)',
    ratioFrom: {
      region: 'us-west-1',
      why: 'no Mexican figure found; the dearer US region is the cautious guess',
    },
  },
  'sa-east-1': { name: 'South America (São Paulo)', figures: fargate2021(0.0696, 0.0076) },
  'eu-west-1': {
    name: 'Europe (Ireland)',
    figures: {
      ...fargateConfirmed(
        0.04048,
        0.004445,
        '3P',
        `${FGCALC} (2021); ${IRELAND_BILL} agrees ($6.01 for 148 vCPU-hours, $1.32 for 297 GB-hours)`,
        '2026-07',
      ),
      'alb.hour': fromBill(0.0252, 'load balancer-hour', '$15.00 for 595 hours'),
      'rds.gp3.gb-month': fromBill(0.127, 'GB-month', '$2.54 for 20 GB over the month'),
    },
    rdsInstanceHour: {
      'db.t4g.micro': fromBill(0.017, 'instance-hour', '$10.09 for 593 hours'),
    },
  },
  'eu-west-2': { name: 'Europe (London)', figures: fargate2021(0.04656, 0.00511) },
  'eu-west-3': { name: 'Europe (Paris)', figures: fargate2021(0.0486, 0.0053) },
  'eu-central-1': {
    name: 'Europe (Frankfurt)',
    figures: fargateConfirmed(
      0.04656,
      0.00511,
      'PL',
      'AWS price list, AmazonECS eu-central-1 offer (EUC1-Fargate-vCPU-Hours:perCPU, EUC1-Fargate-GB-Hours, ' +
        'effective 2026-07-07), as copied into a public repository',
      '2026-07',
    ),
  },
  'eu-central-2': {
    name: 'Europe (Zurich)',
    ratioFrom: {
      region: 'eu-central-1',
      why: 'the nearest region with a figure; Zurich is believed to cost somewhat more',
    },
  },
  'eu-north-1': { name: 'Europe (Stockholm)', figures: fargate2021(0.0445, 0.0049) },
  'eu-south-1': { name: 'Europe (Milan)', figures: fargate2021(0.0486, 0.0053) },
  'eu-south-2': {
    name: 'Europe (Spain)',
    ratioFrom: { region: 'eu-south-1', why: 'the other southern European region' },
  },
  'il-central-1': {
    name: 'Israel (Tel Aviv)',
    ratioFrom: { region: 'me-south-1', why: 'the nearest region with a figure' },
  },
  'me-south-1': { name: 'Middle East (Bahrain)', figures: fargate2021(0.0526, 0.0058) },
  'me-central-1': {
    name: 'Middle East (UAE)',
    ratioFrom: { region: 'me-south-1', why: 'the other Gulf region' },
  },
  'af-south-1': { name: 'Africa (Cape Town)', figures: fargate2021(0.0546, 0.006) },
  'ap-east-1': { name: 'Asia Pacific (Hong Kong)', figures: fargate2021(0.0556, 0.0061) },
  'ap-east-2': {
    name: 'Asia Pacific (Taipei)',
    ratioFrom: { region: 'ap-east-1', why: 'the nearest region with a figure' },
  },
  'ap-south-1': { name: 'Asia Pacific (Mumbai)', figures: fargate2021(0.04256, 0.004655) },
  'ap-south-2': {
    name: 'Asia Pacific (Hyderabad)',
    ratioFrom: { region: 'ap-south-1', why: 'the other Indian region' },
  },
  'ap-southeast-1': {
    name: 'Asia Pacific (Singapore)',
    figures: {
      ...fargateConfirmed(0.05056, 0.00553, '3P', PER_REGION_2024, '2024'),
      'nat.hour': {
        usd: 0.059,
        unit: 'gateway-hour',
        source: 'OFF-T',
        reference:
          'an AWS bill for ap-southeast-1, May 2025, published in a public repository: "$0.059 per NAT Gateway Hour"',
        date: '2025-05',
        verified: true,
      },
      'nat.gb': {
        usd: 0.059,
        unit: 'GB processed',
        source: 'OFF-T',
        reference:
          'an AWS bill for ap-southeast-1, May 2025, published in a public repository: "$0.059 per GB Data Processed by NAT Gateways"',
        date: '2025-05',
        verified: true,
      },
    },
  },
  'ap-southeast-2': { name: 'Asia Pacific (Sydney)', figures: fargate2021(0.04856, 0.00532) },
  'ap-southeast-3': {
    name: 'Asia Pacific (Jakarta)',
    ratioFrom: { region: 'ap-southeast-1', why: 'the nearest region with a figure' },
  },
  'ap-southeast-4': {
    name: 'Asia Pacific (Melbourne)',
    ratioFrom: { region: 'ap-southeast-2', why: 'the other Australian region' },
  },
  'ap-southeast-5': {
    name: 'Asia Pacific (Malaysia)',
    ratioFrom: { region: 'ap-southeast-1', why: 'the nearest region with a figure' },
  },
  'ap-southeast-7': {
    name: 'Asia Pacific (Thailand)',
    ratioFrom: { region: 'ap-southeast-1', why: 'the nearest region with a figure' },
  },
  'ap-northeast-1': { name: 'Asia Pacific (Tokyo)', figures: fargate2021(0.05056, 0.00553) },
  'ap-northeast-2': { name: 'Asia Pacific (Seoul)', figures: fargate2021(0.04656, 0.00511) },
  'ap-northeast-3': {
    name: 'Asia Pacific (Osaka)',
    ratioFrom: { region: 'ap-northeast-1', why: 'the other Japanese region' },
  },
};
