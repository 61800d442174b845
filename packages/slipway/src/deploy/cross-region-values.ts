import { CROSS_REGION_METADATA, type CrossRegionSource } from '../stacks/shared/cross-region.js';
import type { CfnTemplate } from '../template/types.js';
import type { Connection } from './connection.js';
import { withReadClients } from './connection.js';
import { readParameters } from './deployed-state.js';
import { DeployUsageError } from './errors.js';

/**
 * Parameters a template takes from another region's SSM parameters (`stacks/shared/cross-region.ts`):
 * key → where the value lives. Empty for every stack but the edge stack.
 */
export function crossRegionSources(template: CfnTemplate): Record<string, CrossRegionSource> {
  const metadata = (template as { Metadata?: Record<string, unknown> }).Metadata;
  return (metadata?.[CROSS_REGION_METADATA] ?? {}) as Record<string, CrossRegionSource>;
}

/**
 * The current value of each cross-region parameter of a stack, read in its source region with the
 * deployer's credentials (or the lookup role). A missing one means the stack that publishes it was
 * not deployed: that is said, with the stack to deploy.
 */
export async function readCrossRegionValues(
  connection: Connection,
  account: string,
  stackName: string,
  template: CfnTemplate,
): Promise<Record<string, string>> {
  const sources = Object.entries(crossRegionSources(template));
  const values: Record<string, string> = {};
  const byRegion = new Map<string, [string, CrossRegionSource][]>();
  for (const entry of sources)
    byRegion.set(entry[1].region, [...(byRegion.get(entry[1].region) ?? []), entry]);
  for (const [region, entries] of byRegion) {
    const found = await withReadClients(connection, account, region, ({ ssm }) =>
      readParameters(
        ssm,
        entries.map(([, source]) => source.parameter),
      ),
    );
    for (const [key, source] of entries) {
      const value = found.get(source.parameter);
      if (value === undefined) {
        throw new DeployUsageError(
          `${stackName} needs the SSM parameter ${source.parameter} in ${region}, which does not exist. ` +
            'Fix: deploy the whole environment with `slipway deploy` (its runtime stack publishes the parameter) before this stack alone.',
        );
      }
      values[key] = value;
    }
  }
  return values;
}

/** Cross-region parameters whose value now differs from the one the deployed stack was given. */
export function driftedCrossRegionValues(
  current: Readonly<Record<string, string>>,
  deployed: Readonly<Record<string, string>> | undefined,
): string[] {
  if (deployed === undefined) return [];
  return Object.entries(current)
    .filter(([key, value]) => deployed[key] !== undefined && deployed[key] !== value)
    .map(([key]) => key);
}
