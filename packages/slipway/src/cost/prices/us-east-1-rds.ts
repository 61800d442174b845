import { SIZE_UNITS, sizeScaled } from './rds-sizes.js';
import type { Price } from './types.js';

/**
 * RDS for PostgreSQL, Single-AZ, on-demand, per instance-hour in us-east-1: every class of the
 * families below, at the sizes the config accepts. Sizes without a figure are derived from the
 * largest sourced size of their family (see `rds-sizes.ts`).
 */

const PRICE_LIST = 'infracost output built from the AWS price list; third-party listings agree';
const THIRD_PARTY = 'a public third-party table of us-east-1 RDS for PostgreSQL on-demand prices, read 2026';
const THIRD_PARTY_NOTE =
  'third-party lists often mix the MySQL and PostgreSQL rates (db.m5.large is $0.171 for MySQL, ' +
  '$0.178 for PostgreSQL); not checked against the price list';

function listed(usd: number, reference = PRICE_LIST, date = '2026'): Price {
  return { usd, unit: 'instance-hour', source: 'PL', reference, date, verified: true };
}

function thirdParty(usd: number): Price {
  return {
    usd,
    unit: 'instance-hour',
    source: '3P',
    reference: THIRD_PARTY,
    date: '2026',
    verified: false,
    note: THIRD_PARTY_NOTE,
  };
}

const BURSTABLE = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'] as const;
const STANDARD = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'] as const;

interface Family {
  readonly sizes: readonly string[];
  /** Sourced figures by size; the largest is the anchor for the sizes after it. */
  readonly sourced: Readonly<Record<string, Price>>;
}

const FAMILIES: Readonly<Record<string, Family>> = {
  'db.t4g': {
    sizes: BURSTABLE,
    sourced: {
      micro: listed(0.016),
      small: listed(0.032),
      medium: listed(0.065),
      large: thirdParty(0.129),
      xlarge: thirdParty(0.258),
    },
  },
  'db.t3': {
    sizes: BURSTABLE,
    sourced: {
      micro: listed(0.018),
      small: thirdParty(0.036),
      medium: thirdParty(0.072),
      large: listed(
        0.145,
        'infracost test output built from the AWS price list (PostgreSQL db.t3.large, Single-AZ: $105.85 for 730 h)',
        '2026-05',
      ),
    },
  },
  'db.m5': {
    sizes: [...STANDARD, '24xlarge'],
    sourced: { large: thirdParty(0.178), xlarge: thirdParty(0.356) },
  },
  'db.m6g': {
    sizes: STANDARD,
    sourced: { large: thirdParty(0.159), xlarge: thirdParty(0.318), '2xlarge': thirdParty(0.636) },
  },
  'db.m6i': {
    sizes: [...STANDARD, '24xlarge', '32xlarge'],
    sourced: { large: thirdParty(0.178), xlarge: thirdParty(0.356), '2xlarge': thirdParty(0.712) },
  },
  'db.m7g': {
    sizes: STANDARD,
    sourced: { large: thirdParty(0.168), xlarge: thirdParty(0.337), '2xlarge': thirdParty(0.674) },
  },
  'db.r5': {
    sizes: [...STANDARD, '24xlarge'],
    sourced: { large: thirdParty(0.25), xlarge: thirdParty(0.5), '2xlarge': thirdParty(1) },
  },
  'db.r6g': {
    sizes: STANDARD,
    sourced: { large: thirdParty(0.225), xlarge: thirdParty(0.45), '2xlarge': thirdParty(0.899) },
  },
  'db.r6i': {
    sizes: [...STANDARD, '24xlarge', '32xlarge'],
    sourced: { large: thirdParty(0.25), xlarge: thirdParty(0.5), '2xlarge': thirdParty(1) },
  },
};

/**
 * EC2 Linux on-demand per hour of the large size in us-east-1, from the price table AWS's Karpenter
 * generates from the price list (aws/karpenter-provider-aws,
 * pkg/providers/pricing/zz_generated.pricing_aws.go, generated 2026-07-20).
 */
const EC2_LARGE: Readonly<Record<string, number>> = {
  m5: 0.096,
  m5d: 0.113,
  m6g: 0.077,
  m6gd: 0.0904,
  m6i: 0.096,
  m6id: 0.11865,
  m6idn: 0.15912,
  m6in: 0.13923,
  m7i: 0.1008,
  m7g: 0.0816,
  m8g: 0.08976,
  m8gd: 0.11532,
  r5: 0.126,
  r5b: 0.149,
  r5d: 0.144,
  r6g: 0.1008,
  r6gd: 0.1152,
  r6i: 0.126,
  r6id: 0.1512,
  r6idn: 0.19539,
  r6in: 0.17433,
  r7g: 0.1071,
  r7i: 0.1323,
  r8g: 0.11782,
  r8gd: 0.14696,
};

/**
 * The memory-heavy x2 families are not in that table's snapshot. Large-size equivalents (the
 * smallest size's price per normalized unit × 4) from a third-party EC2 Linux price list of
 * us-east-1 on-demand rates: x2gd.large $0.167, x2iedn.xlarge $0.83375, x2idn.16xlarge $6.669.
 */
const EC2_LARGE_THIRD_PARTY: Readonly<Record<string, number>> = {
  x2g: 0.167,
  x2iedn: 0.416875,
  x2idn: 0.2084063,
};

const WITH_24 = [...STANDARD, '24xlarge'] as const;
const WITH_24_32 = [...STANDARD, '24xlarge', '32xlarge'] as const;
const WITH_24_48 = [...STANDARD, '24xlarge', '48xlarge'] as const;

/**
 * Families with no RDS figure of their own, priced from a sibling that has one as EC2 prices the
 * two (db.r7g from db.r6g × EC2 r7g / r6g): RDS keeps EC2's spacing between families closely
 * (db.m7g.large / db.m6g.large is 1.057, EC2 m7g / m6g 1.060). The sizes are those RDS offers.
 */
const SIBLINGS: Readonly<Record<string, { readonly from: string; readonly sizes: readonly string[] }>> = {
  'db.m5d': { from: 'db.m5', sizes: WITH_24 },
  'db.m6gd': { from: 'db.m6g', sizes: STANDARD },
  'db.m6id': { from: 'db.m6i', sizes: WITH_24_32 },
  'db.m6idn': { from: 'db.m6i', sizes: WITH_24_32 },
  'db.m6in': { from: 'db.m6i', sizes: WITH_24_32 },
  'db.m7i': { from: 'db.m6i', sizes: WITH_24_48 },
  'db.m8g': { from: 'db.m7g', sizes: WITH_24_48 },
  'db.m8gd': { from: 'db.m7g', sizes: WITH_24_48 },
  'db.r5b': { from: 'db.r5', sizes: WITH_24 },
  'db.r5d': { from: 'db.r5', sizes: WITH_24 },
  'db.r6gd': { from: 'db.r6g', sizes: STANDARD },
  'db.r6id': { from: 'db.r6i', sizes: WITH_24_32 },
  'db.r6idn': { from: 'db.r6i', sizes: WITH_24_32 },
  'db.r6in': { from: 'db.r6i', sizes: WITH_24_32 },
  'db.r7g': { from: 'db.r6g', sizes: STANDARD },
  'db.r7i': { from: 'db.r6i', sizes: WITH_24_48 },
  'db.r8g': { from: 'db.r6g', sizes: WITH_24_48 },
  'db.r8gd': { from: 'db.r6g', sizes: WITH_24_48 },
  // RDS runs db.x2g on EC2 x2gd hosts; the Intel x2 families scale from db.r6i.
  'db.x2g': { from: 'db.r6g', sizes: STANDARD },
  'db.x2iedn': {
    from: 'db.r6i',
    sizes: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '16xlarge', '24xlarge', '32xlarge'],
  },
  'db.x2idn': { from: 'db.r6i', sizes: ['16xlarge', '24xlarge', '32xlarge'] },
};

function siblingPrices(family: string, from: string, sizes: readonly string[]): [string, Price][] {
  const anchor = FAMILIES[from]?.sourced.large;
  const ec2 = EC2_LARGE[family.slice(3)] ?? EC2_LARGE_THIRD_PARTY[family.slice(3)];
  const ec2Note =
    EC2_LARGE[family.slice(3)] === undefined
      ? 'a third-party EC2 price list, us-east-1'
      : 'aws/karpenter-provider-aws EC2 price table, us-east-1, 2026-07-20';
  const ec2From = EC2_LARGE[from.slice(3)];
  if (!anchor || ec2 === undefined || ec2From === undefined) {
    throw new Error(`${family}: no ${from}.large figure or EC2 price to derive it from`);
  }
  const largeUnits = SIZE_UNITS.large!;
  return sizes.map((size): [string, Price] => {
    const units = SIZE_UNITS[size];
    if (units === undefined) throw new Error(`no normalized units for ${family}.${size}`);
    return [
      `${family}.${size}`,
      {
        usd: Number(((anchor.usd * ec2 * units) / (ec2From * largeUnits)).toPrecision(6)),
        unit: 'instance-hour',
        source: 'DERIVED',
        reference:
          `${from}.large ${anchor.usd} × EC2 ${family.slice(3)}.large / ${from.slice(3)}.large ` +
          `(${ec2} / ${ec2From}) × ${units}/${largeUnits} normalized units`,
        date: '2026-07',
        verified: false,
        note: `priced from a sibling family as EC2 prices the two (${ec2Note}); no RDS figure of its own found`,
      },
    ];
  });
}

/** Families with a price; a class of any other family gets a "not priced" line instead of a guess. */
export const PRICED_RDS_FAMILIES: readonly string[] = [...Object.keys(FAMILIES), ...Object.keys(SIBLINGS)];

function familyPrices(family: string, { sizes, sourced }: Family): [string, Price][] {
  let anchor: { size: string; price: Price } | undefined;
  return sizes.map((size): [string, Price] => {
    const own = sourced[size];
    if (own) {
      anchor = { size, price: own };
      return [`${family}.${size}`, own];
    }
    if (!anchor) throw new Error(`${family}.${size} comes before any sourced size of its family`);
    return [`${family}.${size}`, sizeScaled(anchor.price, anchor.size, size, family)];
  });
}

/** Single-AZ PostgreSQL instance-hour prices in us-east-1, by class. */
export const US_EAST_1_RDS: Readonly<Record<string, Price>> = Object.fromEntries([
  ...Object.entries(FAMILIES).flatMap(([family, info]) => familyPrices(family, info)),
  ...Object.entries(SIBLINGS).flatMap(([family, { from, sizes }]) => siblingPrices(family, from, sizes)),
]);
