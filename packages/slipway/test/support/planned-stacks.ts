import { readFileSync } from 'node:fs';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';

/**
 * An environment stack's template as a plan wrote it, and its resources of one type, for tests
 * that build the plan in `beforeAll` (hence the getter).
 */
export function plannedStacks(plan: () => PlanOutcome): {
  template(stack: string): CfnTemplate;
  ofType(stack: string, type: string): [string, CfnResource][];
} {
  const template = (stack: string): CfnTemplate => {
    const found = plan()
      .environments.flatMap((e) => e.stacks)
      .find((s) => s.name === stack);
    if (!found) throw new Error(`no stack ${stack}`);
    return JSON.parse(readFileSync(found.template, 'utf8')) as CfnTemplate;
  };
  const ofType = (stack: string, type: string): [string, CfnResource][] =>
    Object.entries(template(stack).Resources ?? {}).filter(([, r]) => r.Type === type);
  return { template, ofType };
}
