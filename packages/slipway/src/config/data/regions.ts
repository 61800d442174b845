/**
 * Commercial AWS regions Slipway supports and the zone names an account sees in them. Synth is
 * offline, so zones are checked against this table instead of the EC2 API.
 *
 * Regions and zone letters come from `aws-tables.generated.ts`, AWS's data as shipped in cfn-lint
 * (regenerate it with `scripts/build-config-tables.py`). What that data does not hold is kept
 * here by hand: which regions need opting in, per-account zone limits and service gaps.
 */
import { CFN_LINT_VERSION, type RegionCode, ZONE_LETTERS } from './aws-tables.generated.js';

/** Something a config can ask for that is not offered in every region. */
export type RegionFeature = 'msk-serverless';

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
}

/** Where the region table comes from; printed in errors so a stale table is easy to recognise. */
export const REGIONS_SOURCE = `cfn-lint ${CFN_LINT_VERSION}`;

/** Keyed by every generated region, so a region added to the generated table must be placed here. */
const OPT_IN: Readonly<Record<RegionCode, boolean>> = {
  'us-east-1': false,
  'us-east-2': false,
  'us-west-1': false,
  'us-west-2': false,
  'ca-central-1': false,
  'ca-west-1': true,
  'mx-central-1': true,
  'sa-east-1': false,
  'eu-west-1': false,
  'eu-west-2': false,
  'eu-west-3': false,
  'eu-central-1': false,
  'eu-central-2': true,
  'eu-north-1': false,
  'eu-south-1': true,
  'eu-south-2': true,
  'il-central-1': true,
  'me-south-1': true,
  'me-central-1': true,
  'af-south-1': true,
  'ap-east-1': true,
  'ap-east-2': true,
  'ap-south-1': false,
  'ap-south-2': true,
  'ap-southeast-1': false,
  'ap-southeast-2': false,
  'ap-southeast-3': true,
  'ap-southeast-4': true,
  'ap-southeast-5': true,
  'ap-southeast-7': true,
  'ap-northeast-1': false,
  'ap-northeast-2': false,
  'ap-northeast-3': false,
};

/** Not in cfn-lint's data: letter 'b' is only visible to accounts created before it closed to new ones. */
const MAX_ZONES: Partial<Record<RegionCode, number>> = { 'ap-northeast-1': 3 };

const GAPS: Partial<Record<RegionCode, readonly RegionGap[]>> = {
  'af-south-1': [
    {
      feature: 'msk-serverless',
      note: 'Amazon MSK Serverless is not offered in af-south-1',
      verified: true,
    },
  ],
};

export const REGIONS: Readonly<Record<string, RegionInfo>> = Object.fromEntries(
  (Object.keys(ZONE_LETTERS) as RegionCode[]).map((region): [string, RegionInfo] => {
    const info: RegionInfo = {
      zones: [...ZONE_LETTERS[region]],
      optIn: OPT_IN[region],
      ...(MAX_ZONES[region] === undefined ? {} : { maxZones: MAX_ZONES[region] }),
      ...(GAPS[region] === undefined ? {} : { gaps: GAPS[region] }),
    };
    return [region, info];
  }),
);

/** Full zone names of a region, e.g. `us-east-1a`. */
export function zoneNames(region: string): string[] {
  return (REGIONS[region]?.zones ?? []).map((letter) => `${region}${letter}`);
}

/** Most zones one account can use in the region. */
export function maxZones(info: RegionInfo): number {
  return info.maxZones ?? info.zones.length;
}
