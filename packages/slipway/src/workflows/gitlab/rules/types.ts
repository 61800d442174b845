import type { GitlabPipelineFile } from '../pipeline-types.js';
import type { WorkflowProblem, WorkflowRuleContext } from '../../rules/types.js';

/** A pure check of one `.gitlab-ci.yml`; an empty list means compliant. */
export interface GitlabRule {
  /** e.g. `Slipway-GLCI1`. */
  readonly id: string;
  /** What a compliant pipeline does. */
  readonly description: string;
  check(file: GitlabPipelineFile, context: WorkflowRuleContext): readonly WorkflowProblem[];
}
