import { jobsOfPipeline } from '../pipeline-types.js';
import { isDeployJob } from './support.js';
import type { GitlabRule } from './types.js';

/** A deploy job names its environment, where GitLab's protection and approvals are set. */
export const gitlabDeployEnvironment: GitlabRule = {
  id: 'Slipway-GLCI4',
  description: 'Every job that deploys declares environment:.',
  check(file) {
    return jobsOfPipeline(file.document)
      .filter(([, job]) => isDeployJob(job) && job.environment?.name === undefined)
      .map(([id]) => ({
        job: id,
        message: 'the job deploys but declares no environment',
        fix: 'add environment: { name: <environment>, deployment_tier: ... }',
      }));
  },
};
