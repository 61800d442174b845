import { DELIVERY_DEFAULTS } from '../config/resolve/defaults.js';
import type { AppModel } from '../model/types.js';
import type { PlannedStack } from './assembly.js';

/** Service stacks at once unless `--concurrency` or `delivery.deployConcurrency` says otherwise. */
export const DEFAULT_CONCURRENCY = DELIVERY_DEFAULTS.deployConcurrency;

/** How many service stacks go at once: `--concurrency`, else the config's, else the default. */
export function serviceConcurrency(flag: number | undefined, model: AppModel): number {
  return flag ?? model.delivery?.deployConcurrency ?? DEFAULT_CONCURRENCY;
}

/**
 * The stacks of a deploy or destroy as steps in order: each run of consecutive service stacks is one
 * step, whose stacks may go at once (no service stack reads another's outputs), and every other stack
 * is a step of its own, since the layers depend on each other in order.
 */
export function deploySteps(stacks: readonly PlannedStack[]): PlannedStack[][] {
  const steps: PlannedStack[][] = [];
  for (const stack of stacks) {
    const last = steps.at(-1);
    if (stack.kind === 'service' && last?.[0]?.kind === 'service') last.push(stack);
    else steps.push([stack]);
  }
  return steps;
}
