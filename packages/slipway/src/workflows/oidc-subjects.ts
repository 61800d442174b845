import { environmentOf, jobsOf, roleSteps } from './rules/support.js';
import type { Job, WorkflowFile } from './workflow-types.js';

/** One job assuming one role, with the OIDC subject GitHub will put in its token. */
export interface RoleAssumption {
  readonly file: string;
  readonly job: string;
  readonly roleArn: string;
  readonly subject: string;
}

/**
 * The subject (`sub`) GitHub issues to each job that assumes a role: `…:environment:<name>` when
 * the job declares an environment; otherwise `…:ref:refs/heads/<branch>`, which this can only know
 * when the workflow runs on pushes to one branch and any other trigger is held to that branch by
 * the job's `if:`. Anything else throws: a subject that cannot be derived cannot be checked
 * against a trust policy.
 */
export function roleAssumptions(
  file: Pick<WorkflowFile, 'path' | 'workflow'>,
  repository: string,
): RoleAssumption[] {
  return jobsOf(file.workflow).flatMap(([id, job]) =>
    roleSteps(job).map((step) => ({
      file: file.path,
      job: id,
      roleArn: String(step.with?.['role-to-assume']),
      subject: subjectOf(file, id, job, repository),
    })),
  );
}

function subjectOf(
  file: Pick<WorkflowFile, 'path' | 'workflow'>,
  id: string,
  job: Job,
  repository: string,
): string {
  const environment = environmentOf(job);
  if (environment !== undefined) {
    if (environment.includes('${{')) throw new Error(`${file.path} ${id}: the environment is an expression`);
    return `repo:${repository}:environment:${environment}`;
  }
  const on = file.workflow.on as Record<string, { branches?: string[]; tags?: string[] } | null>;
  const branches = on.push?.branches ?? [];
  const others = Object.keys(on).filter((event) => event !== 'push');
  const branch = branches[0];
  const single = branches.length === 1 && branch !== undefined && !/[*?[\]!]/.test(branch);
  const heldToBranch = job.if?.replaceAll(' ', '') === `github.ref=='refs/heads/${branch}'`;
  if (!single || on.push?.tags !== undefined || (others.length > 0 && !heldToBranch)) {
    throw new Error(
      `${file.path} ${id}: assumes a role without an environment, and its runs are not limited to pushes to one branch`,
    );
  }
  return `repo:${repository}:ref:refs/heads/${branch}`;
}
