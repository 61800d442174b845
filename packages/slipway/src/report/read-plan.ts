import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanOutcome } from '../plan/run-plan.js';
import type { StackSummary } from '../plan/types.js';
import type { CfnTemplate, SynthesizedStack } from '../template/types.js';
import { ReportInputError } from './errors.js';

/** A plan read back from `slipway plan --json`, with the templates it wrote. */
export interface PlanOnDisk {
  readonly plan: PlanOutcome;
  /** The environment's stacks with their parsed templates, in plan order. */
  stacksOf(environment: string): SynthesizedStack[];
  /** The account-level stacks (CI) with their parsed templates. */
  sharedStacks(): SynthesizedStack[];
}

/**
 * Reads a plan JSON and, on demand, the templates it names. A template path that no longer exists
 * is looked for beside the JSON file too, so a plan folder copied elsewhere (a CI artifact) still
 * reads.
 */
export function readPlanFile(file: string): PlanOnDisk {
  if (!existsSync(file)) {
    throw new ReportInputError(
      `${file}: no such plan file. Write one with \`slipway plan --json > ${file}\`.`,
    );
  }
  let plan: PlanOutcome;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as PlanOutcome;
  } catch (error) {
    throw new ReportInputError(
      `${file}: not JSON (${(error as Error).message}). Pass the output of \`slipway plan --json\`.`,
    );
  }
  if (!Array.isArray(plan?.environments) || typeof plan.app !== 'string') {
    throw new ReportInputError(
      `${file}: not a plan (no "app" and "environments"). Pass the output of \`slipway plan --json\`.`,
    );
  }
  return fromPlan(plan, path.dirname(path.resolve(file)));
}

/** The same view over a plan that is still in memory, its templates where the plan wrote them. */
export function fromPlan(plan: PlanOutcome, baseDir = process.cwd()): PlanOnDisk {
  const read = (stack: StackSummary, environment?: string, region?: string): SynthesizedStack => {
    const templatePath = locate(stack.template, baseDir);
    return {
      name: stack.name,
      environment,
      region,
      templatePath,
      template: JSON.parse(readFileSync(templatePath, 'utf8')) as CfnTemplate,
    };
  };
  return {
    plan,
    stacksOf(environment) {
      const env = plan.environments.find((e) => e.name === environment);
      if (env === undefined) {
        throw new ReportInputError(
          `the plan has no environment "${environment}"; it has ${plan.environments.map((e) => e.name).join(', ')}.`,
        );
      }
      return env.stacks.map((s) => read(s, env.name, env.region));
    },
    sharedStacks() {
      return plan.shared.stacks.map((s) => read(s));
    },
  };
}

function locate(template: string, baseDir: string): string {
  const candidates = [path.resolve(baseDir, template), path.join(baseDir, path.basename(template))];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) {
    throw new ReportInputError(
      `the plan's template ${template} is gone; keep the plan's --out folder next to its JSON, or plan again.`,
    );
  }
  return found;
}
