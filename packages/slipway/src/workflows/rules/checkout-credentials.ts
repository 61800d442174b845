import { actionOf, jobsOf, stepsOf } from './support.js';
import type { WorkflowRule } from './types.js';

/**
 * SECURITY.md 17: `actions/checkout` leaves the job's token in `.git/config` unless told not to,
 * where any later step (a dependency's install script included) can read it and push.
 */
export const checkoutCredentials: WorkflowRule = {
  id: 'Slipway-GHA6',
  description: 'Every actions/checkout step sets persist-credentials: false.',
  check(file) {
    return jobsOf(file.workflow).flatMap(([id, job]) =>
      stepsOf(job)
        .filter((step) => actionOf(step) === 'actions/checkout')
        .filter((step) => step.with?.['persist-credentials'] !== false)
        .map(() => ({
          job: id,
          message: 'actions/checkout keeps the token in .git/config',
          fix: "add 'persist-credentials: false' under the step's with:",
        })),
    );
  },
};
