import type { GitlabJob, GitlabRule } from '../pipeline-types.js';

/** A job that assumes an AWS role: the SDK and CLI read `AWS_ROLE_ARN` with the token file. */
export function assumesRole(job: GitlabJob): boolean {
  return job.variables?.AWS_ROLE_ARN !== undefined;
}

const DEPLOY_COMMAND =
  /\b(?:slipway\s+(?:deploy|destroy|preview\s+(?:up|down|prune))|cdk\s+(?:deploy|destroy))\b/;

/** A job that changes an environment. */
export function isDeployJob(job: GitlabJob): boolean {
  return scriptOf(job).some((line) => DEPLOY_COMMAND.test(line));
}

export function scriptOf(job: GitlabJob): readonly string[] {
  return Array.isArray(job.script) ? job.script : [];
}

/** Index of the first script entry that matches, or -1. */
export function firstScriptIndex(job: GitlabJob, pattern: RegExp): number {
  return scriptOf(job).findIndex((line) => pattern.test(line));
}

/** Whether the job deploys into one of the production environments. */
export function isProductionJob(job: GitlabJob, productionEnvironments: readonly string[]): boolean {
  return (
    job.environment?.deployment_tier === 'production' ||
    productionEnvironments.includes(job.environment?.name ?? '')
  );
}

/** `$CI_COMMIT_BRANCH == "<branch>"` → the branch. */
export function branchOfRule(condition: string | undefined): string | undefined {
  return /^\$CI_COMMIT_BRANCH == "([^"*?]+)"$/.exec(condition ?? '')?.[1];
}

/** The rules that can start the job: a `when: never` rule only keeps it out. */
export function startingRules(job: GitlabJob): readonly GitlabRule[] {
  return (job.rules ?? []).filter((rule) => rule.when !== 'never');
}

/** Whether the job assumes one of the preview roles (GitLab previews, decision 023). */
export function assumesPreviewRole(job: GitlabJob, previewRoles: readonly string[]): boolean {
  const arn = job.variables?.AWS_ROLE_ARN;
  return arn !== undefined && previewRoles.includes(arn);
}
