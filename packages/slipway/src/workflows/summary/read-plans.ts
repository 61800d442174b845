import { existsSync } from 'node:fs';
import type { PlanOutcome } from '../../plan/run-plan.js';
import { ReportInputError } from '../../report/errors.js';
import { type PlanOnDisk, readPlanFile } from '../../report/read-plan.js';
import type { PlanMarkdownOptions } from '../plan-markdown.js';

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
  const head = readIfPlan(file);
  if (head === undefined) return { options: {} };
  if (baseFile === undefined) return { plan: head.plan, options: { head } };
  const base = readIfPlan(baseFile);
  if (base === undefined) {
    return {
      plan: head.plan,
      options: {
        head,
        baseMissing: existsSync(baseFile)
          ? `the base branch's plan (${baseFile}) is empty or not a plan: planning the base commit failed, its step log says why.`
          : `the base branch's plan (${baseFile}) was not written: this run had no base commit to plan, the base commit has no Slipway config yet, or its plan did not run.`,
      },
    };
  }
  return { plan: head.plan, options: { head, base } };
}

/** The plan in the file, or undefined when there is none: missing, empty, not JSON, not a plan. */
function readIfPlan(file: string): PlanOnDisk | undefined {
  try {
    return readPlanFile(file);
  } catch (error) {
    if (error instanceof ReportInputError) return undefined;
    throw error;
  }
}
