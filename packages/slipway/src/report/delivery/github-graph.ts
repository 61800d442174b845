import { githubOf } from '../../model/ci-host.js';
import type { AppModel } from '../../model/types.js';
import { type GeneratedWorkflow, githubWorkflows } from '../../workflows/generate.js';
import { type RoleAssumption, roleAssumptions } from '../../workflows/oidc-subjects.js';
import { environmentOf, jobsOf } from '../../workflows/rules/support.js';
import type { Job } from '../../workflows/workflow-types.js';
import type { Diagram, DiagramEdge, DiagramNode } from '../diagram/types.js';
import { groupNode, jobNode, needsEdge, roleName, subjectLine, WAITS_FOR_APPROVAL } from './parts.js';

/**
 * The generated GitHub Actions as a graph: a frame per workflow file (its triggers under its
 * name), a node per job, `needs:` as edges. A job's details say the GitHub environment it runs in
 * (production's has required reviewers, so its jobs wait for approval), the events it narrows its
 * workflow's triggers to, and each role it assumes with the OIDC subject GitHub gives it.
 */
export function githubDeliveryDiagram(model: AppModel, configPath: string): Diagram {
  const files = githubWorkflows(model, { configPath });
  const repository = githubOf(model).repository;
  const production = new Set(
    model.ci.deployRoles
      .filter((role) => model.environments.find((env) => env.name === role.environment)?.production)
      .map((role) => role.githubEnvironment),
  );
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (const file of files) {
    const events = triggersOf(file);
    nodes.push(
      groupNode(file.path, file.workflow.name, [file.path, `on ${[...events.values()].join(' · ')}`]),
    );
    const assumptions = roleAssumptions(file, repository);
    for (const [id, job] of jobsOf(file.workflow)) {
      const details = [
        ...environmentDetails(job, production),
        ...jobTrigger(job, events),
        ...assumptionDetails(assumptions.filter((a) => a.job === id)),
      ];
      nodes.push(jobNode(jobId(file, id), job.name ?? id, file.path, details));
      for (const need of needsOf(job)) edges.push(needsEdge(jobId(file, need), jobId(file, id)));
    }
  }
  return { title: 'delivery · GitHub Actions', nodes, edges };
}

/** A job's node id: unique across files, since two workflows may both have a `plan` job. */
function jobId(file: GeneratedWorkflow, job: string): string {
  return `${file.path}#${job}`;
}

function needsOf(job: Job): readonly string[] {
  if (job.needs === undefined) return [];
  return typeof job.needs === 'string' ? [job.needs] : job.needs;
}

function environmentDetails(job: Job, production: ReadonlySet<string>): string[] {
  const environment = environmentOf(job);
  if (environment === undefined) return [];
  return production.has(environment)
    ? [`environment ${environment} · ${WAITS_FOR_APPROVAL} (required reviewers)`]
    : [`environment ${environment}`];
}

function assumptionDetails(assumptions: readonly RoleAssumption[]): string[] {
  return assumptions.flatMap((a) => [`role ${roleName(a.roleArn)}`, subjectLine(a.subject)]);
}

/** Event name → how a reader says it, in the file's order. */
function triggersOf(file: GeneratedWorkflow): Map<string, string> {
  const on = file.workflow.on as Record<string, Record<string, unknown> | readonly unknown[] | null>;
  return new Map(Object.entries(on).map(([event, filter]) => [event, describeEvent(event, filter)]));
}

function describeEvent(event: string, filter: unknown): string {
  const list = (key: string) => {
    const value = (filter as Record<string, unknown> | null)?.[key];
    return Array.isArray(value) ? value.map(String).join(', ') : undefined;
  };
  switch (event) {
    case 'push': {
      const tags = list('tags');
      if (tags !== undefined) return `tag ${tags}`;
      const branches = list('branches');
      return branches === undefined ? 'push' : `push to ${branches}`;
    }
    case 'pull_request':
      return 'pull request';
    case 'delete':
      return 'branch deleted';
    case 'schedule':
      return Array.isArray(filter)
        ? `schedule ${filter.map((entry) => String((entry as { cron?: string }).cron)).join(', ')}`
        : 'schedule';
    case 'workflow_dispatch':
      return 'by hand';
    default:
      return event;
  }
}

/**
 * What starts a job, where it is not plain from its workflow's frame: the events its `if:` picks
 * (`github.event_name == 'push'`, as preview jobs do), or on a pull-request workflow, the pull request.
 */
function jobTrigger(job: Job, events: ReadonlyMap<string, string>): string[] {
  const picked = [...(job.if ?? '').matchAll(/github\.event_name\s*==\s*'([a-z_]+)'/g)].map((m) => m[1]!);
  if (picked.length > 0) return [`trigger ${picked.map((event) => events.get(event) ?? event).join(' · ')}`];
  if (events.has('pull_request')) return [`trigger ${[...events.values()].join(' · ')}`];
  return [];
}
