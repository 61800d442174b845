import { environmentOf, isDeployJob, jobsOf } from './support.js';
import type { WorkflowRule } from './types.js';

/**
 * SECURITY.md 17: a deploy job names its GitHub environment. The environment is what the deploy
 * role's trust policy names (`sub` = `…:environment:<name>`) and where reviewers and branch rules
 * are set, so a deploy job without one either cannot get credentials or skips the approval.
 */
export const deployEnvironment: WorkflowRule = {
  id: 'Slipway-GHA8',
  description: 'Every job that deploys declares environment:.',
  check(file) {
    return jobsOf(file.workflow)
      .filter(([, job]) => isDeployJob(job) && environmentOf(job) === undefined)
      .map(([id]) => ({
        job: id,
        message: 'the job deploys but declares no environment',
        fix: 'add environment: <the GitHub environment its deploy role trusts>',
      }));
  },
};
