import { environmentOf, firstRunIndex, isDeployJob, jobsOf } from './support.js';
import type { WorkflowRule } from './types.js';

const DIFF = /\b(?:slipway|cdk)\s+diff\b/;
const DEPLOY = /\b(?:slipway|cdk)\s+deploy\b/;

/** SECURITY.md 18: a production deploy shows what it will change before it changes it. */
export const productionDiffFirst: WorkflowRule = {
  id: 'Slipway-GHA10',
  description: 'Production deploy jobs run a diff before the deploy.',
  check(file, context) {
    return jobsOf(file.workflow)
      .filter(
        ([, job]) => isDeployJob(job) && context.productionEnvironments.includes(environmentOf(job) ?? ''),
      )
      .filter(([, job]) => {
        const diff = firstRunIndex(job, DIFF);
        const deploy = firstRunIndex(job, DEPLOY);
        return deploy !== -1 && (diff === -1 || diff > deploy);
      })
      .map(([id]) => ({
        job: id,
        message: 'the production job deploys without showing the diff first',
        fix: 'add a step that runs slipway diff for the same stacks before the deploy step',
      }));
  },
};
