import { jobsOfPipeline } from '../pipeline-types.js';
import { assumesPreviewRole, assumesRole, branchOfRule, startingRules } from './support.js';
import type { GitlabRule } from './types.js';

/**
 * A role trusts exactly one project and branch (`sub` = `project_path:<p>:ref_type:branch:ref:<b>`),
 * so a job that assumes one runs only in pipelines of one exact branch: otherwise it fails on the
 * trust, or (worse) the trust had to be widened to let it in. A `when: never` rule starts
 * nothing, so it may say anything. The preview roles are the one exception (decision 023), held by
 * Slipway-GLCI9 instead.
 */
export const roleOnOneBranch: GitlabRule = {
  id: 'Slipway-GLCI8',
  description:
    'Jobs that assume a role run only in pipelines of one exact branch ($CI_COMMIT_BRANCH == "<branch>" in every rule that can start them); preview jobs are Slipway-GLCI9\'s.',
  check(file, context) {
    const previewRoles = context.gitlabPreview?.roles ?? [];
    return jobsOfPipeline(file.document)
      .filter(([, job]) => assumesRole(job) && !assumesPreviewRole(job, previewRoles))
      .filter(([, job]) => {
        const rules = startingRules(job);
        const branches = new Set(rules.map((rule) => branchOfRule(rule.if)));
        return rules.length === 0 || branches.size !== 1 || branches.has(undefined);
      })
      .map(([id]) => ({
        job: id,
        message: 'the job assumes a role but may run outside pipelines of one exact branch',
        fix: 'give every rule if: $CI_COMMIT_BRANCH == "<the branch its role trusts>"',
      }));
  },
};
