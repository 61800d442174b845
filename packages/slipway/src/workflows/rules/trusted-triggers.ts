import type { WorkflowRule } from './types.js';

/** Triggers that run with secrets and a write token on code or artifacts a fork controls. */
const DANGEROUS = ['pull_request_target', 'workflow_run'];

/** SECURITY.md 17: no `pull_request_target` or `workflow_run`. */
export const trustedTriggers: WorkflowRule = {
  id: 'Slipway-GHA4',
  description: 'The workflow is not started by pull_request_target or workflow_run.',
  check(file) {
    const on = file.workflow.on as unknown;
    const events =
      typeof on === 'string' ? [on] : Array.isArray(on) ? (on as string[]) : Object.keys(on ?? {});
    return events
      .filter((event) => DANGEROUS.includes(event))
      .map((event) => ({
        message: `'${event}' runs with the base repository's secrets on code or artifacts a fork controls`,
        fix: "use 'pull_request' (no secrets) for checks on pull requests",
      }));
  },
};
