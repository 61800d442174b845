import type { WorkflowFinding, WorkflowRuleContext } from '../../rules/types.js';
import type { GitlabPipelineFile } from '../pipeline-types.js';
import { gitlabDeployEnvironment } from './deploy-environment.js';
import { idTokensForRoles } from './id-tokens-for-roles.js';
import { noLongLivedKeys } from './no-long-lived-keys.js';
import { pinnedImages } from './pinned-images.js';
import { gitlabProductionDiffFirst } from './production-diff-first.js';
import { productionManual } from './production-manual.js';
import { productionResourceGroup } from './production-resource-group.js';
import { previewJobsOnPreviewBranches } from './preview-jobs.js';
import { roleOnOneBranch } from './role-on-one-branch.js';
import type { GitlabRule } from './types.js';

/** Slipway's rules for a generated `.gitlab-ci.yml` (SECURITY.md 12–18, as for GitHub). */
export const GITLAB_RULES: readonly GitlabRule[] = [
  pinnedImages,
  idTokensForRoles,
  noLongLivedKeys,
  gitlabDeployEnvironment,
  productionManual,
  productionResourceGroup,
  gitlabProductionDiffFirst,
  roleOnOneBranch,
  previewJobsOnPreviewBranches,
];

/** Every rule over the pipeline; an empty list means all of them comply. */
export function checkGitlabPipeline(
  file: GitlabPipelineFile,
  context: WorkflowRuleContext,
): WorkflowFinding[] {
  return GITLAB_RULES.flatMap((rule) =>
    rule.check(file, context).map((problem) => ({ rule: rule.id, file: file.path, ...problem })),
  );
}
