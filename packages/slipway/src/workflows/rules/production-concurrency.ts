import { environmentOf, jobsOf } from './support.js';
import type { WorkflowRule } from './types.js';

/**
 * SECURITY.md 18: two production deploys never run at once, and a newer one never cancels one in
 * flight (a cancelled CloudFormation update or ECS rollout is left half done).
 */
export const productionConcurrency: WorkflowRule = {
  id: 'Slipway-GHA9',
  description: 'Jobs in a production environment set concurrency with cancel-in-progress: false.',
  check(file, context) {
    return jobsOf(file.workflow)
      .filter(([, job]) => context.productionEnvironments.includes(environmentOf(job) ?? ''))
      .filter(
        ([, job]) => typeof job.concurrency !== 'object' || job.concurrency['cancel-in-progress'] !== false,
      )
      .map(([id]) => ({
        job: id,
        message: 'the production job has no concurrency group with cancel-in-progress: false',
        fix: 'add concurrency: { group: <one per stack set>, cancel-in-progress: false }',
      }));
  },
};
