import { sizeScaled } from './rds-sizes.js';
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
 * Families with a price. Graviton3 memory-optimized (db.r7g) and Graviton4 (db.m8g, db.r8g) have
 * no figure we could source; their classes get a "not priced" line instead of a guess.
 */
export const PRICED_RDS_FAMILIES: readonly string[] = Object.keys(FAMILIES);

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
export const US_EAST_1_RDS: Readonly<Record<string, Price>> = Object.fromEntries(
  Object.entries(FAMILIES).flatMap(([family, info]) => familyPrices(family, info)),
);
