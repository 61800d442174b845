import { jobsOfPipeline } from '../pipeline-types.js';
import { assumesRole, branchOfRule } from './support.js';
import type { GitlabRule } from './types.js';

/**
 * A role trusts exactly one project and branch (`sub` = `project_path:<p>:ref_type:branch:ref:<b>`),
 * so a job that assumes one runs only in pipelines of one exact branch: otherwise it fails on the
 * trust, or (worse) the trust had to be widened to let it in.
 */
export const roleOnOneBranch: GitlabRule = {
  id: 'Slipway-GLCI8',
  description:
    'Jobs that assume a role run only in pipelines of one exact branch ($CI_COMMIT_BRANCH == "<branch>" in every rule).',
  check(file) {
    return jobsOfPipeline(file.document)
      .filter(([, job]) => assumesRole(job))
      .filter(([, job]) => {
        const branches = new Set((job.rules ?? []).map((rule) => branchOfRule(rule.if)));
        return (job.rules ?? []).length === 0 || branches.size !== 1 || branches.has(undefined);
      })
      .map(([id]) => ({
        job: id,
        message: 'the job assumes a role but may run outside pipelines of one exact branch',
        fix: 'give every rule if: $CI_COMMIT_BRANCH == "<the branch its role trusts>"',
      }));
  },
};
