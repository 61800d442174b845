import type { WorkflowFile } from '../workflow-types.js';

/** What a rule knows beyond the file: which environments are production, and GitLab's previews. */
export interface WorkflowRuleContext {
  readonly productionEnvironments: readonly string[];
  /** GitLab only, with previews on: where preview jobs may run and the roles they may assume. */
  readonly gitlabPreview?: GitlabPreviewContext;
}

export interface GitlabPreviewContext {
  /** The declared `delivery.previewBranches` patterns (`prefix*`). */
  readonly branches: readonly string[];
  /** The branch whose scheduled pipeline prunes previews. */
  readonly mainBranch: string;
  /** ARNs of the preview push and preview deploy roles. */
  readonly roles: readonly string[];
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
