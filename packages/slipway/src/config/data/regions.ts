/**
 * Commercial AWS regions, the zone names an account sees in them, and the gaps Slipway knows of.
 * Synth is offline, so zones are checked against this table instead of the EC2 API.
 *
 * Compiled 2026-11-21. AWS's "AWS Availability Zones" page gives the rules (a zone's code is the
 * region code plus a letter; every region has at least three zones; the oldest regions map letters
 * to physical zones per account, uniformly for accounts created from November 2025). The letters
 * per region are our best knowledge and were not checked zone by zone, so regions say
 * `verified: false` until someone compares them with `aws ec2 describe-availability-zones`.
 * When AWS adds a zone or closes a gap, update this table.
 */

/** Something a config can ask for that is not offered in every region. */
export type RegionFeature = 'msk-serverless' | `rds-instance-family:${string}`;

export interface RegionGap {
  readonly feature: RegionFeature;
  /** What is missing, for the error message. */
  readonly note: string;
  /** False when no primary source confirmed the gap. */
  readonly verified: boolean;
}

export interface RegionInfo {
  /** Zone letters, appended to the region name: 'a' → 'us-east-1a'. */
  readonly zones: readonly string[];
  /** Most zones one account can use, when fewer than `zones` (new accounts see only some letters). */
  readonly maxZones?: number;
  /** Regions launched after March 2019 must be enabled in the account before use. */
  readonly optIn: boolean;
  /** Features a config may choose that this region lacks. */
  readonly gaps?: readonly RegionGap[];
  /** False when the zone list is our best knowledge rather than checked against AWS. */
  readonly verified: boolean;
}

/** When the table was compiled; printed in errors so a stale entry is easy to recognise. */
export const REGIONS_COMPILED = '2026-11-21';

const abc = ['a', 'b', 'c'] as const;

/** Graviton4 database classes arrived region by region; these regions had not been confirmed. */
const noGraviton4Db: readonly RegionGap[] = [
  {
    feature: 'rds-instance-family:db.m8g',
    note: 'RDS db.m8g (Graviton4) instances are not offered here',
    verified: false,
  },
  {
    feature: 'rds-instance-family:db.r8g',
    note: 'RDS db.r8g (Graviton4) instances are not offered here',
    verified: false,
  },
];

export const REGIONS: Readonly<Record<string, RegionInfo>> = {
  'us-east-1': { zones: ['a', 'b', 'c', 'd', 'e', 'f'], optIn: false, verified: false },
  'us-east-2': { zones: abc, optIn: false, verified: false },
  // Three zones exist, but each account sees only two of the letters.
  'us-west-1': { zones: abc, maxZones: 2, optIn: false, verified: false },
  'us-west-2': { zones: ['a', 'b', 'c', 'd'], optIn: false, verified: false },
  'ca-central-1': { zones: ['a', 'b', 'd'], optIn: false, verified: false },
  'ca-west-1': { zones: abc, optIn: true, verified: false },
  'mx-central-1': { zones: abc, optIn: true, verified: false, gaps: noGraviton4Db },
  'sa-east-1': { zones: abc, optIn: false, verified: false },
  'eu-west-1': { zones: abc, optIn: false, verified: false },
  'eu-west-2': { zones: abc, optIn: false, verified: false },
  'eu-west-3': { zones: abc, optIn: false, verified: false },
  'eu-central-1': { zones: abc, optIn: false, verified: false },
  'eu-central-2': { zones: abc, optIn: true, verified: false },
  'eu-north-1': { zones: abc, optIn: false, verified: false },
  'eu-south-1': { zones: abc, optIn: true, verified: false },
  'eu-south-2': { zones: abc, optIn: true, verified: false },
  'il-central-1': { zones: abc, optIn: true, verified: false, gaps: noGraviton4Db },
  'me-south-1': { zones: abc, optIn: true, verified: false, gaps: noGraviton4Db },
  'me-central-1': { zones: abc, optIn: true, verified: false, gaps: noGraviton4Db },
  'af-south-1': {
    zones: abc,
    optIn: true,
    verified: false,
    gaps: [
      {
        feature: 'msk-serverless',
        note: 'Amazon MSK Serverless is not offered in af-south-1',
        verified: true,
      },
      ...noGraviton4Db,
    ],
  },
  'ap-east-1': { zones: abc, optIn: true, verified: false },
  'ap-east-2': { zones: abc, optIn: true, verified: false, gaps: noGraviton4Db },
  'ap-south-1': { zones: abc, optIn: false, verified: false },
  'ap-south-2': { zones: abc, optIn: true, verified: false },
  'ap-southeast-1': { zones: abc, optIn: false, verified: false },
  'ap-southeast-2': { zones: abc, optIn: false, verified: false },
  'ap-southeast-3': { zones: abc, optIn: true, verified: false },
  'ap-southeast-4': { zones: abc, optIn: true, verified: false },
  'ap-southeast-5': { zones: abc, optIn: true, verified: false, gaps: noGraviton4Db },
  'ap-southeast-7': { zones: abc, optIn: true, verified: false, gaps: noGraviton4Db },
  // Letter 'b' is only visible to accounts created before it was closed to new customers.
  'ap-northeast-1': { zones: ['a', 'b', 'c', 'd'], maxZones: 3, optIn: false, verified: false },
  'ap-northeast-2': { zones: ['a', 'b', 'c', 'd'], optIn: false, verified: false },
  'ap-northeast-3': { zones: abc, optIn: false, verified: false },
};

/** Full zone names of a region, e.g. `us-east-1a`. */
export function zoneNames(region: string): string[] {
  return (REGIONS[region]?.zones ?? []).map((letter) => `${region}${letter}`);
}

/** Most zones one account can use in the region. */
export function maxZones(info: RegionInfo): number {
  return info.maxZones ?? info.zones.length;
}
