import { jobsOfPipeline } from '../pipeline-types.js';
import type { WorkflowProblem } from '../../rules/types.js';
import { assumesRole } from './support.js';
import type { GitlabRule } from './types.js';

/**
 * An ID token is what AWS trusts, so only a job that assumes a role asks for one, and a role is
 * named only in the jobs that use it, never pipeline-wide (the GitLab side of Slipway-GHA3).
 */
export const idTokensForRoles: GitlabRule = {
  id: 'Slipway-GLCI2',
  description:
    'Only jobs that assume an AWS role request id_tokens, and every such job does; no role pipeline-wide.',
  check(file) {
    const problems: WorkflowProblem[] = [];
    const globals = file.document.variables as Record<string, unknown> | undefined;
    const defaults = file.document.default as Record<string, unknown> | undefined;
    if (globals?.AWS_ROLE_ARN !== undefined || defaults?.id_tokens !== undefined) {
      problems.push({
        message: 'the pipeline names a role or an ID token for every job',
        fix: 'set AWS_ROLE_ARN and id_tokens only in the jobs that assume the role',
      });
    }
    for (const [id, job] of jobsOfPipeline(file.document)) {
      const tokens = Object.keys(job.id_tokens ?? {}).length;
      if (tokens > 0 && !assumesRole(job)) {
        problems.push({
          job: id,
          message: 'the job requests an ID token but assumes no role',
          fix: 'remove id_tokens from this job',
        });
      }
      if (assumesRole(job) && tokens === 0) {
        problems.push({
          job: id,
          message: 'the job names a role but requests no ID token, so it cannot assume it',
          fix: 'add id_tokens: { AWS_ID_TOKEN: { aud: <the instance URL> } }',
        });
      }
    }
    return problems;
  },
};
