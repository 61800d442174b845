import type { EnvironmentTemplates } from './references.js';
import { resourceNodeId } from './references.js';

/** Which subnet tier each subnet belongs to, and which VPC each tier sits in. */
export interface SubnetTiers {
  /** `<stack>/<subnet logical id>` → the tier node's id. */
  readonly tierOfSubnet: ReadonlyMap<string, string>;
  /** tier node id → VPC node id. */
  readonly vpcOfTier: ReadonlyMap<string, string>;
}

/**
 * The group a resource sits in, from the subnets it is given: their tier when they share one,
 * the VPC when they span tiers, none when they are not the environment's subnets.
 */
export function parentBySubnets(
  templates: EnvironmentTemplates,
  tiers: SubnetTiers,
  stack: string,
  subnets: unknown,
): string | undefined {
  const found = new Set<string>();
  for (const target of templates.resolveAll(stack, subnets)) {
    const tier = tiers.tierOfSubnet.get(resourceNodeId(target));
    if (tier !== undefined) found.add(tier);
  }
  if (found.size === 1) return [...found][0];
  const vpcs = new Set([...found].map((tier) => tiers.vpcOfTier.get(tier)));
  return vpcs.size === 1 ? [...vpcs][0] : undefined;
}
