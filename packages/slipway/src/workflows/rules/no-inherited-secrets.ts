import { jobsOf } from './support.js';
import type { WorkflowRule } from './types.js';

/** SECURITY.md 17: a called workflow gets the secrets it names, never all of them. */
export const noInheritedSecrets: WorkflowRule = {
  id: 'Slipway-GHA7',
  description: 'No job passes secrets: inherit to a called workflow.',
  check(file) {
    return jobsOf(file.workflow)
      .filter(([, job]) => job.secrets === 'inherit')
      .map(([id]) => ({
        job: id,
        message: 'secrets: inherit hands every repository secret to the called workflow',
        fix: 'list the secrets the called workflow needs under secrets:',
      }));
  },
};
