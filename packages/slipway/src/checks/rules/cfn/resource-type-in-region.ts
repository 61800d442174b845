import {
  LAYER_RESOURCE_TYPES,
  MISSING_RESOURCE_TYPES,
  type RegionCode,
} from '../../../config/data/aws-tables.generated.js';
import { type SlipwayRule, violation } from '../types.js';

/** The types the generated table knows about: every type a Slipway stack can create. */
const TABLED_TYPES: ReadonlySet<string> = new Set(Object.values(LAYER_RESOURCE_TYPES).flat());

/**
 * The safety net behind the config check (`config/validate/resource-types.ts`): should a stack still
 * carry a type its region lacks, the plan reports it instead of CloudFormation failing the deploy.
 */
export const cfnResourceTypeInRegion: SlipwayRule = {
  id: 'Slipway-CFN2',
  level: 'error',
  description:
    "A resource's type must be offered in its stack's region (cfn-lint's provider schema for the region, rule E3006); CloudFormation rejects the template otherwise.",
  check(resource, { region }) {
    if (region === undefined || !TABLED_TYPES.has(resource.Type)) return 'not-applicable';
    const missing = MISSING_RESOURCE_TYPES[region as RegionCode] ?? [];
    return missing.includes(resource.Type)
      ? violation(`${resource.Type} is not offered in ${region}`)
      : 'compliant';
  },
};
