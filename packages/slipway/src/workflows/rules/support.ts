import type { Job, Step, Workflow } from '../workflow-types.js';

/** Job id → job, in file order. */
export function jobsOf(workflow: Workflow): [string, Job][] {
  return Object.entries(workflow.jobs ?? {});
}

export function stepsOf(job: Job): readonly Step[] {
  return job.steps ?? [];
}

/** The GitHub environment a job runs in, whichever way it is written. */
export function environmentOf(job: Job): string | undefined {
  if (typeof job.environment === 'string') return job.environment;
  return job.environment?.name;
}

/** The action a step uses, without the ref: `aws-actions/configure-aws-credentials`. */
export function actionOf(step: Step): string | undefined {
  return step.uses?.split('@')[0];
}

/** Steps that exchange the job's OIDC token for an AWS role. */
export function roleSteps(job: Job): Step[] {
  return stepsOf(job).filter(
    (step) =>
      actionOf(step) === 'aws-actions/configure-aws-credentials' &&
      step.with?.['role-to-assume'] !== undefined,
  );
}

const DEPLOY_COMMAND =
  /\b(?:slipway\s+(?:deploy|destroy|preview\s+(?:up|down|prune))|cdk\s+(?:deploy|destroy))\b/;
const DEPLOY_ACTIONS = [
  'aws-actions/amazon-ecs-deploy-task-definition',
  'aws-actions/aws-cloudformation-github-deploy',
];

/** A job that changes an environment: it runs a deploy command or a deploy action. */
export function isDeployJob(job: Job): boolean {
  return stepsOf(job).some(
    (step) => DEPLOY_COMMAND.test(step.run ?? '') || DEPLOY_ACTIONS.includes(actionOf(step) ?? ''),
  );
}

/** Index of the first step whose script matches, or -1. */
export function firstRunIndex(job: Job, pattern: RegExp): number {
  return stepsOf(job).findIndex((step) => pattern.test(step.run ?? ''));
}
