import { existsSync, readFileSync } from 'node:fs';
import type { PlanOutcome } from '../../plan/run-plan.js';
import { fromPlan, readPlanFile } from '../../report/read-plan.js';
import type { PlanMarkdownOptions } from '../plan-markdown.js';
import path from 'node:path';

/** What the summary has to work with: this plan (or nothing when its step failed) and the base. */
export interface SummaryInputs {
  readonly plan?: PlanOutcome;
  readonly options: PlanMarkdownOptions;
}

/**
 * Reads the plan JSON and, when given, the base branch's. Neither failure stops the summary: a
 * plan step that failed before printing leaves an empty file (its log says why), and a base that
 * is missing or unreadable (the first pull request, a base that no longer plans) leaves this plan
 * to be shown alone, with the reason.
 */
export function readSummaryInputs(file: string, baseFile?: string): SummaryInputs {
  const plan = parsePlan(file);
  if (plan === undefined) return { options: {} };
  const head = fromPlan(plan, path.dirname(path.resolve(file)));
  if (baseFile === undefined) return { plan, options: { head } };
  if (parsePlan(baseFile) === undefined) {
    return {
      plan,
      options: {
        head,
        baseMissing: existsSync(baseFile)
          ? `the base branch's plan (${baseFile}) is empty or not a plan: planning the base commit failed, its step log says why.`
          : `the base branch's plan (${baseFile}) was not written: this run had no base commit to plan, the base commit has no Slipway config yet, or its plan did not run.`,
      },
    };
  }
  return { plan, options: { head, base: readPlanFile(baseFile) } };
}

function parsePlan(file: string): PlanOutcome | undefined {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  try {
    const plan = text.trim() === '' ? undefined : (JSON.parse(text) as PlanOutcome);
    return Array.isArray(plan?.environments) && typeof plan.app === 'string' ? plan : undefined;
  } catch {
    return undefined;
  }
}
