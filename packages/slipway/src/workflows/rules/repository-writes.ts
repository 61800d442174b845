import type { Job } from '../workflow-types.js';
import { firstRunIndex, isDeployJob, jobsOf, roleSteps, stepsOf } from './support.js';
import type { WorkflowProblem, WorkflowRule } from './types.js';

/** Scopes that let the token change the repository: its branches, or its pull requests. */
const REPOSITORY_SCOPES = ['contents', 'pull-requests'];

/** `slipway manifests` that writes the GitOps folder (`--check` only compares). */
const WRITES_MANIFESTS = /\bslipway\s+manifests\b(?![^\n]*--check)/;

/**
 * SECURITY.md 16: a token that can push can change what every later run builds and deploys, so
 * only the job that commits an EKS environment's GitOps folder may write to the repository, and
 * that job holds no AWS role and deploys nothing: repository and cloud credentials never meet.
 * The one other writer is a job that only comments on the pull request: `pull-requests: write`
 * alone, and no action at all (no checkout), so no code from the pull request runs with the token.
 */
export const repositoryWrites: WorkflowRule = {
  id: 'Slipway-GHA11',
  description:
    'Only the job that commits the GitOps folder (slipway manifests) gets contents or pull-requests: write, and it assumes no AWS role; a job that uses no action may get pull-requests: write alone to comment.',
  check(file) {
    return jobsOf(file.workflow).flatMap(([id, job]): WorkflowProblem[] => {
      const writes = REPOSITORY_SCOPES.filter((scope) => job.permissions?.[scope] === 'write');
      if (writes.length === 0 || onlyComments(job)) return [];
      const granted = writes.map((scope) => `${scope}: write`).join(', ');
      if (firstRunIndex(job, WRITES_MANIFESTS) === -1) {
        return [
          {
            job: id,
            message: `the job has ${granted} but does not commit the GitOps folder`,
            fix: `grant ${writes.join(' and ')} read (or nothing) in this job`,
          },
        ];
      }
      if (roleSteps(job).length > 0 || isDeployJob(job)) {
        return [
          {
            job: id,
            message: `the job has ${granted} and also assumes an AWS role or deploys`,
            fix: 'deploy in another job; the job that commits manifests needs no AWS credentials',
          },
        ];
      }
      return [];
    });
  },
};

/** `pull-requests: write` and nothing else written, no action used (nothing checked out), no deploy. */
function onlyComments(job: Job): boolean {
  return (
    job.permissions?.contents !== 'write' &&
    stepsOf(job).every((step) => step.uses === undefined) &&
    !isDeployJob(job)
  );
}
