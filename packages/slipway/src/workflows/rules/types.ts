import type { WorkflowFile } from '../workflow-types.js';

/** What a rule knows beyond the file: which GitHub environments are production. */
export interface WorkflowRuleContext {
  readonly productionEnvironments: readonly string[];
}

/** One thing a rule found wrong, in one job or in the workflow as a whole. */
export interface WorkflowProblem {
  /** Job id, when the problem is in one job. */
  readonly job?: string;
  readonly message: string;
  readonly fix: string;
}

/** A pure check of one workflow file; an empty list means compliant. */
export interface WorkflowRule {
  /** e.g. `Slipway-GHA1`. */
  readonly id: string;
  /** What a compliant workflow does, and which SECURITY.md item it holds. */
  readonly description: string;
  check(file: WorkflowFile, context: WorkflowRuleContext): readonly WorkflowProblem[];
}

/** A problem with the rule and file it came from, as `slipway workflows` and the tests report it. */
export interface WorkflowFinding extends WorkflowProblem {
  readonly rule: string;
  readonly file: string;
}
