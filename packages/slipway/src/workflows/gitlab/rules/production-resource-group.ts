import { jobsOfPipeline } from '../pipeline-types.js';
import { isProductionJob } from './support.js';
import type { GitlabRule } from './types.js';

/**
 * SECURITY.md 18: two production deploys never run at once, and none is cancelled half way: a
 * `resource_group` queues them, and `interruptible: false` keeps a newer pipeline from cancelling one.
 */
export const productionResourceGroup: GitlabRule = {
  id: 'Slipway-GLCI6',
  description: 'Production jobs set a resource_group and interruptible: false.',
  check(file, context) {
    return jobsOfPipeline(file.document)
      .filter(([, job]) => isProductionJob(job, context.productionEnvironments))
      .filter(([, job]) => job.resource_group === undefined || job.interruptible !== false)
      .map(([id]) => ({
        job: id,
        message: 'the production job may run beside another deploy or be cancelled',
        fix: 'add resource_group: <one per stack set> and interruptible: false',
      }));
  },
};
