/**
 * Regions and zones, checked offline against `data/regions.ts` (AWS's data from cfn-lint): the
 * region exists, every zone is one of its zones, and there are at least two and no more than an
 * account can use. Whether a region offers a database class is checked in `database-class.ts`.
 */
import type { EnvironmentModel } from '../../model/types.js';
import { maxZones, REGIONS, REGIONS_SOURCE, type RegionInfo, zoneNames } from '../data/regions.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { didYouMean, listOf } from '../suggest.js';
import type { Validator } from './context.js';

/** Zones needed for Multi-AZ databases and a load balancer. */
const MIN_ZONES = 2;

export const validateRegions: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  if (config.ci?.region !== undefined) issues.push(...checkRegionName('ci.region', config.ci.region));
  for (const env of model.environments) {
    const path = (...rest: (string | number)[]) => joinPath('environments', env.name, ...rest);
    const regionIssues = checkRegionName(path('region'), env.region);
    issues.push(...regionIssues);
    const info = REGIONS[env.region];
    if (info === undefined) continue;
    issues.push(...checkZones(env, info, path));
  }
  return issues;
};

function checkRegionName(path: string, region: string): ConfigIssue[] {
  if (REGIONS[region] !== undefined) return [];
  return [
    issue(
      path,
      `'${region}' is not an AWS region Slipway knows${didYouMean(region, Object.keys(REGIONS))} (region table from ${REGIONS_SOURCE})`,
      "use a region code such as 'us-east-1' or 'eu-west-1'",
    ),
  ];
}

function checkZones(
  env: EnvironmentModel,
  info: RegionInfo,
  path: (...rest: (string | number)[]) => string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const known = zoneNames(env.region);
  const seen = new Set<string>();
  env.availabilityZones.forEach((zone, index) => {
    if (seen.has(zone)) {
      issues.push(
        issue(path('availabilityZones', index), `'${zone}' is listed twice`, 'list each zone once'),
      );
    } else if (!known.includes(zone)) {
      issues.push(
        issue(
          path('availabilityZones', index),
          `'${zone}' is not a zone of ${env.region}${didYouMean(zone, known)}`,
          `use zones of ${env.region}: ${listOf(known)}`,
        ),
      );
    }
    seen.add(zone);
  });
  if (env.availabilityZones.length < MIN_ZONES) {
    issues.push(
      issue(
        path('availabilityZones'),
        `lists ${env.availabilityZones.length} zone(s); the load balancer and a Multi-AZ database need at least ${MIN_ZONES}`,
        `list at least two zones of ${env.region}, e.g. ${listOf(known.slice(0, 3))}`,
      ),
    );
  }
  const limit = maxZones(info);
  if (env.availabilityZones.length > limit) {
    issues.push(
      issue(
        path('availabilityZones'),
        `lists ${env.availabilityZones.length} zones, but an account can use at most ${limit} in ${env.region}`,
        `list at most ${limit} of ${listOf(known)}`,
      ),
    );
  }
  return issues;
}
