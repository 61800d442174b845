import { jobsOfPipeline } from '../pipeline-types.js';
import { firstScriptIndex, isDeployJob, isProductionJob } from './support.js';
import type { GitlabRule } from './types.js';

const DIFF = /\b(?:slipway|cdk)\s+diff\b/;
const DEPLOY = /\b(?:slipway|cdk)\s+deploy\b/;

/** SECURITY.md 18: a production deploy shows what it will change before it changes it. */
export const gitlabProductionDiffFirst: GitlabRule = {
  id: 'Slipway-GLCI7',
  description: 'Production deploy jobs run a diff before the deploy.',
  check(file, context) {
    return jobsOfPipeline(file.document)
      .filter(([, job]) => isDeployJob(job) && isProductionJob(job, context.productionEnvironments))
      .filter(([, job]) => {
        const diff = firstScriptIndex(job, DIFF);
        const deploy = firstScriptIndex(job, DEPLOY);
        return deploy !== -1 && (diff === -1 || diff > deploy);
      })
      .map(([id]) => ({
        job: id,
        message: 'the production job deploys without showing the diff first',
        fix: 'run slipway diff for the same stacks before the deploy line',
      }));
  },
};
