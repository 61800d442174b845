import { classifyEnvironmentChanges } from '../deploy/environment-changes.js';
import type { StackChanges } from '../deploy/resource-change.js';
import type { StackTemplates } from '../deploy/stack-changes.js';
import type { SynthesizedStack } from '../template/types.js';
import type { PlanOnDisk } from './read-plan.js';

/** Whether an environment is in both plans, only in the new one, or only in the base. */
export type EnvironmentPresence = 'both' | 'added' | 'removed';

/** What merging a change would do to one environment, stack by stack in deploy order. */
export interface EnvironmentChanges {
  readonly environment: string;
  readonly region: string;
  readonly presence: EnvironmentPresence;
  /** Every stack of either plan, the new plan's order first, then stacks only the base has. */
  readonly stacks: readonly StackChanges[];
}

/**
 * Two plans compared as a deploy would compare them: the base plan's templates stand for what is
 * deployed, the new plan's for what would be. A stack the base lacks is all additions; one the new
 * plan lacks, all removals. Changes carried through SSM values (a replaced subnet) follow as in
 * `slipway diff`, since both go through `classifyEnvironmentChanges`.
 */
export function planDiff(base: PlanOnDisk, head: PlanOnDisk): EnvironmentChanges[] {
  const baseNames = new Set(base.plan.environments.map((e) => e.name));
  const headNames = new Set(head.plan.environments.map((e) => e.name));
  const kept = head.plan.environments.map((env): EnvironmentChanges => {
    const before = baseNames.has(env.name) ? base.stacksOf(env.name) : [];
    return {
      environment: env.name,
      region: env.region,
      presence: baseNames.has(env.name) ? 'both' : 'added',
      stacks: compareStacks(before, head.stacksOf(env.name)),
    };
  });
  const removed = base.plan.environments
    .filter((env) => !headNames.has(env.name))
    .map((env): EnvironmentChanges => ({
      environment: env.name,
      region: env.region,
      presence: 'removed',
      stacks: compareStacks(base.stacksOf(env.name), []),
    }));
  return [...kept, ...removed];
}

/** The account-level (CI) stacks of both plans compared the same way. */
export function sharedDiff(base: PlanOnDisk, head: PlanOnDisk): StackChanges[] {
  return compareStacks(base.sharedStacks(), head.sharedStacks());
}

function compareStacks(
  before: readonly SynthesizedStack[],
  after: readonly SynthesizedStack[],
): StackChanges[] {
  const deployed = new Map(before.map((s) => [s.name, s.template]));
  const afterNames = new Set(after.map((s) => s.name));
  const pairs: StackTemplates[] = [
    ...after.map((s) => ({ name: s.name, deployed: deployed.get(s.name), planned: s.template })),
    ...before
      .filter((s) => !afterNames.has(s.name))
      .map((s) => ({ name: s.name, deployed: s.template, planned: {} })),
  ];
  return classifyEnvironmentChanges(pairs);
}
