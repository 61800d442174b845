import { parse } from 'yaml';
import { gitlabOf } from '../../model/ci-host.js';
import type { AppModel } from '../../model/types.js';
import { gitlabBranchSubject } from '../../stacks/ci/gitlab-oidc.js';
import { generateGitlabPipeline } from '../../workflows/gitlab/generate.js';
import { type GitlabJob, jobsOfPipeline } from '../../workflows/gitlab/pipeline-types.js';
import { previewPatternOf, scheduledBranchOf } from '../../workflows/gitlab/preview-conditions.js';
import { GITLAB_CI_FILE } from '../../workflows/gitlab/render.js';
import {
  assumesRole,
  branchOfRule,
  isProductionJob,
  startingRules,
} from '../../workflows/gitlab/rules/support.js';
import type { Diagram, DiagramEdge, DiagramNode } from '../diagram/types.js';
import { groupNode, jobNode, needsEdge, roleName, subjectLine, WAITS_FOR_APPROVAL } from './parts.js';

/**
 * The generated `.gitlab-ci.yml` as a graph: a frame per stage, a node per job, and its order as
 * edges: `needs:` where a job has them, otherwise GitLab's own rule (a job waits for every job of
 * the stages before it), drawn from the nearest earlier stage with jobs. A job's details say its
 * environment (a production job waits until someone starts it), when it runs, and the role it
 * assumes with its ID token's audience and the subject GitLab gives it.
 */
export function gitlabDeliveryDiagram(model: AppModel, configPath: string): Diagram {
  const file = generateGitlabPipeline(model, configPath).find((f) => f.path === GITLAB_CI_FILE);
  if (file === undefined) throw new Error(`The GitLab generator made no ${GITLAB_CI_FILE}.`);
  const document = parse(file.content) as Record<string, unknown>;
  const gitlab = gitlabOf(model);
  const production = model.environments.filter((env) => env.production).map((env) => env.name);
  const previewBranches = model.delivery?.preview?.branches ?? [];
  const jobs = jobsOfPipeline(document);
  const stages = ((document.stages as string[] | undefined) ?? []).filter((stage) =>
    jobs.some(([, job]) => job.stage === stage),
  );

  // A job without rules runs in every pipeline the workflow's rules let start.
  const pipelines = triggerDetails((document.workflow ?? {}) as Pick<GitlabJob, 'rules'>);
  const nodes: DiagramNode[] = stages.map((stage) => groupNode(stageId(stage), `stage ${stage}`, []));
  const edges: DiagramEdge[] = [];
  for (const [name, job] of jobs) {
    const details = [
      ...environmentDetails(job, production),
      ...(job.rules === undefined ? pipelines : triggerDetails(job)),
      ...roleDetails(job, gitlab.project, previewBranches),
    ];
    nodes.push(jobNode(gitlabJobId(name), name, stageId(job.stage), details));
    if (job.needs !== undefined) {
      for (const need of job.needs) {
        const from = typeof need === 'string' ? need : need.job;
        const optional = typeof need !== 'string' && need.optional === true;
        edges.push(needsEdge(gitlabJobId(from), gitlabJobId(name), optional ? 'if it runs' : undefined));
      }
    } else {
      const earlier = stages.slice(0, stages.indexOf(job.stage)).at(-1);
      for (const [before, other] of jobs) {
        if (other.stage === earlier)
          edges.push(needsEdge(gitlabJobId(before), gitlabJobId(name), 'stage order'));
      }
    }
  }
  return { title: 'delivery · GitLab CI', nodes, edges };
}

function gitlabJobId(job: string): string {
  return `${GITLAB_CI_FILE}#${job}`;
}

function stageId(stage: string): string {
  return `${GITLAB_CI_FILE}@${stage}`;
}

function environmentDetails(job: GitlabJob, production: readonly string[]): string[] {
  const environment = job.environment;
  if (environment === undefined) return [];
  const tier = environment.deployment_tier === undefined ? '' : ` (${environment.deployment_tier})`;
  const rules = startingRules(job);
  const manual = rules.length > 0 && rules.every((rule) => rule.when === 'manual');
  const waits =
    isProductionJob(job, production) && manual ? ` · ${WAITS_FOR_APPROVAL} (started by hand)` : '';
  return [`environment ${environment.name}${tier}${waits}`];
}

/** When the job runs, from its rules: `branch main`, `merge request`, `preview branch feat/*`. */
function triggerDetails(job: Pick<GitlabJob, 'rules'>): string[] {
  const rules = (job.rules ?? []).filter((rule) => rule.when !== 'never');
  if (rules.length === 0) return [];
  const described = rules.map((rule) => {
    const branch = branchOfRule(rule.if);
    const preview = previewPatternOf(rule.if);
    const scheduled = scheduledBranchOf(rule.if);
    const what =
      branch !== undefined
        ? `branch ${branch}`
        : preview !== undefined
          ? `merge request from ${preview}`
          : scheduled !== undefined
            ? `schedule on ${scheduled}`
            : rule.if === '$CI_PIPELINE_SOURCE == "merge_request_event"'
              ? 'merge request'
              : (rule.if ?? 'always');
    const changes = rule.changes === undefined ? '' : ', when its sources change';
    return `${what}${changes}${rule.when === 'manual' ? ', by hand' : ''}`;
  });
  return [`trigger ${[...new Set(described)].join(' · ')}`];
}

/**
 * The role a job assumes, its ID tokens' audiences, and the subjects GitLab may give it: one per
 * branch its rules allow (a preview job's, each preview branch pattern).
 */
function roleDetails(job: GitlabJob, project: string, previewBranches: readonly string[]): string[] {
  if (!assumesRole(job)) return [];
  const audiences = Object.values(job.id_tokens ?? {}).map((token) => `OIDC aud ${token.aud}`);
  return [
    `role ${roleName(job.variables?.AWS_ROLE_ARN ?? '')}`,
    ...audiences,
    ...gitlabSubjects(job, project, previewBranches).map(subjectLine),
  ];
}

function gitlabSubjects(job: GitlabJob, project: string, previewBranches: readonly string[]): string[] {
  const branches = startingRules(job).flatMap((rule) => {
    const branch = branchOfRule(rule.if) ?? scheduledBranchOf(rule.if);
    if (branch !== undefined) return [branch];
    const preview = previewPatternOf(rule.if);
    return preview !== undefined ? [preview] : previewBranches;
  });
  return [...new Set(branches)].map((branch) => gitlabBranchSubject(project, branch));
}
