import { jobsOfPipeline } from '../pipeline-types.js';
import { isProductionJob, startingRules } from './support.js';
import type { GitlabRule } from './types.js';

/**
 * Nothing reaches production unapproved: every production job waits for a person to start it
 * (`when: manual`), and blocks the pipeline until then (`allow_failure: false`), in its protected
 * environment, whose allowed deployers and approvals are set on GitLab.
 */
export const productionManual: GitlabRule = {
  id: 'Slipway-GLCI5',
  description:
    'Production jobs run only when started by hand (when: manual, allow_failure: false in every rule that can start them).',
  check(file, context) {
    return jobsOfPipeline(file.document)
      .filter(([, job]) => isProductionJob(job, context.productionEnvironments))
      .filter(([, job]) => {
        // A `when: never` rule only keeps the job out, so it needs no manual start.
        const rules = startingRules(job);
        return (
          rules.length === 0 || rules.some((rule) => rule.when !== 'manual' || rule.allow_failure !== false)
        );
      })
      .map(([id]) => ({
        job: id,
        message: 'the production job can start without anyone starting it',
        fix: 'give each of its rules when: manual and allow_failure: false',
      }));
  },
};
