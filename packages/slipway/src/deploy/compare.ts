import type { PlannedStack } from './assembly.js';
import { withReadClients } from './connection.js';
import {
  crossRegionSources,
  driftedCrossRegionValues,
  readCrossRegionValues,
} from './cross-region-values.js';
import { type DeployedStack, driftedParameters, readDeployedStack } from './deployed-state.js';
import { classifyEnvironmentChanges } from './environment-changes.js';
import type { Session } from './session.js';
import type { StackChanges } from './resource-change.js';
import type { StackTemplates } from './stack-changes.js';

/** Each planned stack's changes against what is deployed, and what is deployed. */
export interface Comparison {
  readonly changes: readonly StackChanges[];
  /** Stack name → deployed stack, or undefined when it does not exist yet. */
  readonly deployed: ReadonlyMap<string, DeployedStack | undefined>;
}

/**
 * Reads every planned stack's deployed template and the SSM values its parameters resolve to now,
 * then classifies the changes of all of them together, in deploy order.
 */
export async function compareWithDeployed(
  session: Session,
  stacks: readonly PlannedStack[],
): Promise<Comparison> {
  const deployed = new Map<string, DeployedStack | undefined>();
  const inputs: StackTemplates[] = [];
  for (const stack of stacks) {
    const found = session.reachable ? await readStack(session, stack) : { deployed: undefined, drifted: [] };
    deployed.set(stack.name, found.deployed);
    inputs.push({
      name: stack.name,
      deployed: found.deployed?.template,
      planned: stack.template,
      changedParameters: found.drifted,
    });
  }
  return { changes: classifyEnvironmentChanges(inputs), deployed };
}

/** One stack's deployed state and drifted parameters. */
export async function readStack(
  session: Session,
  stack: PlannedStack,
): Promise<{ deployed: DeployedStack | undefined; drifted: string[] }> {
  const found = await withReadClients(
    session.connection,
    stack.account,
    stack.region,
    async ({ cloudFormation, ssm }) => {
      const deployed = await readDeployedStack(cloudFormation, stack.name);
      return { deployed, drifted: await driftedParameters(ssm, stack.template, deployed) };
    },
  );
  if (found.deployed === undefined || Object.keys(crossRegionSources(stack.template)).length === 0)
    return found;
  // The edge stack's values from the environment's region: changed when the load balancer was replaced.
  const current = await readCrossRegionValues(
    session.connection,
    stack.account,
    stack.name,
    stack.template,
  ).catch(() => ({}));
  return {
    deployed: found.deployed,
    drifted: [...found.drifted, ...driftedCrossRegionValues(current, found.deployed.parameterValues)],
  };
}
