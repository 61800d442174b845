import { jobsOf, roleSteps } from './support.js';
import type { WorkflowProblem, WorkflowRule } from './types.js';

/**
 * SECURITY.md 16: `id-token: write` lets a job mint an OIDC token, which is what AWS trusts; only
 * a job that assumes a role may have it, and never the whole workflow.
 */
export const idTokenForRoles: WorkflowRule = {
  id: 'Slipway-GHA3',
  description: 'Only jobs that assume an AWS role get id-token: write; the workflow level never does.',
  check(file) {
    const problems: WorkflowProblem[] = [];
    if (file.workflow.permissions?.['id-token'] === 'write') {
      problems.push({
        message: 'the workflow grants id-token: write to every job',
        fix: 'grant it only in the jobs that assume a role',
      });
    }
    for (const [id, job] of jobsOf(file.workflow)) {
      if (job.permissions?.['id-token'] === 'write' && roleSteps(job).length === 0) {
        problems.push({
          job: id,
          message: 'the job has id-token: write but assumes no role',
          fix: 'remove id-token: write from this job',
        });
      }
      if (roleSteps(job).length > 0 && job.permissions?.['id-token'] !== 'write') {
        problems.push({
          job: id,
          message: 'the job assumes a role through OIDC without id-token: write, so it cannot get a token',
          fix: "add 'id-token: write' to this job's permissions",
        });
      }
    }
    return problems;
  },
};
