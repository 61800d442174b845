import { BINFMT_IMAGE, DOCKER_IMAGE, GITLAB_NODE_IMAGES, imageRef } from '../../config/data/ci-images.js';
import { gitlabOf } from '../../model/ci-host.js';
import type { EnvironmentModel, GitlabModel, ServiceBuildModel } from '../../model/types.js';
import { gitlabDeployBranch } from '../../stacks/ci/gitlab-oidc.js';
import { deployRoleArn, imagePushRoleArn, type WorkflowContext } from '../context.js';
import * as commands from '../slipway-commands.js';
import { moveTagScript } from '../steps.js';
import type { GitlabJob, GitlabPipeline, GitlabRule } from './pipeline-types.js';
import { assumeRole } from './assume-role.js';
import { previewBranchCondition, SCHEDULED_PIPELINE } from './preview-conditions.js';
import { planJob, planNoteJob } from './plan-jobs.js';
import { PREVIEW_STAGE, previewJobs } from './preview-jobs.js';
import { imageTagLines, imageTagsLines, writeIdToken } from './scripts.js';

const PLATFORMS = 'linux/amd64,linux/arm64';
const MISSING_IMAGE =
  '$REPOSITORY has no image tagged $SOURCE_TAG: run its build job again (CI/CD → Pipelines, on the main branch)';

/**
 * `.gitlab-ci.yml`: lint → test → build → deploy. Merge requests get lint, test and the offline
 * plan, with no AWS access. Pushes to the main branch also build each service whose paths changed
 * (`rules: changes:`) and deploy the non-production environments in config order; pipelines of
 * the protected production branch deploy the production environments, each job started by hand
 * in its protected environment. Every job that touches AWS exchanges its ID token for a role that
 * trusts exactly this project on exactly that branch (decision 019); with previews, the preview
 * jobs alone use the preview roles, which trust the preview branch prefixes (decision 023).
 */
export function gitlabPipeline(ctx: WorkflowContext): GitlabPipeline {
  const gitlab = gitlabOf(ctx.model);
  const node = GITLAB_NODE_IMAGES[ctx.delivery.nodeVersion];
  if (node === undefined) throw new Error(`No pinned Node.js ${ctx.delivery.nodeVersion} image`);
  const onMain = branchIs(gitlab.mainBranch);
  const onProduction = branchIs(gitlab.productionBranch);
  const preview = ctx.delivery.preview;
  // With previews, a preview branch's pipeline runs its preview jobs alone (its merge request
  // pipeline runs the checks), and the nightly schedule on the main branch only prunes.
  const checksRules: Pick<GitlabJob, 'rules'> =
    preview === undefined
      ? {}
      : {
          rules: [
            { if: SCHEDULED_PIPELINE, when: 'never' },
            ...preview.branches.map((p): GitlabRule => ({ if: previewBranchCondition(p), when: 'never' })),
            { when: 'on_success' },
          ],
        };
  const skipSchedules: GitlabRule[] =
    preview === undefined ? [] : [{ if: SCHEDULED_PIPELINE, when: 'never' }];
  const jobs: Record<string, GitlabJob> = {
    lint: {
      stage: 'lint',
      ...checksRules,
      script: [ctx.delivery.commands.install, ctx.delivery.commands.lint],
    },
    test: {
      stage: 'test',
      ...checksRules,
      script: [ctx.delivery.commands.install, ctx.delivery.commands.test],
    },
    plan: planJob(ctx, checksRules),
    'plan-note': planNoteJob(),
  };
  for (const build of ctx.delivery.builds) {
    jobs[`build-${build.service}`] = withRulesFirst(buildJob(ctx, gitlab, build), skipSchedules);
  }
  const deployJobs: Record<string, GitlabJob> = {};
  let previous: string | undefined;
  for (const env of ctx.model.environments.filter((e) => !e.production)) {
    previous = addEnvironmentJobs(deployJobs, ctx, gitlab, env, previous);
  }
  previous = undefined;
  for (const env of ctx.model.environments.filter((e) => e.production)) {
    previous = addEnvironmentJobs(deployJobs, ctx, gitlab, env, previous);
  }
  for (const [name, job] of Object.entries(deployJobs)) jobs[name] = withRulesFirst(job, skipSchedules);
  if (preview !== undefined) Object.assign(jobs, previewJobs(ctx, gitlab, preview));
  return {
    workflow: {
      rules: [
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
        // Branch pipelines only where roles trust them; merge requests cover every other branch.
        { if: onMain },
        { if: onProduction },
        // Preview branches only while they have an open merge request (decision 023).
        ...(preview?.branches ?? []).map((p): GitlabRule => ({ if: previewBranchCondition(p) })),
      ],
    },
    stages: ['lint', 'test', 'build', 'deploy', ...(preview === undefined ? [] : [PREVIEW_STAGE])],
    default: { image: imageRef(node) },
    jobs,
  };
}

/** The job with `first` ahead of its own rules (`when: never` exclusions go first to win). */
function withRulesFirst(job: GitlabJob, first: readonly GitlabRule[]): GitlabJob {
  return first.length === 0 ? job : { ...job, rules: [...first, ...(job.rules ?? [])] };
}

/** `$CI_COMMIT_BRANCH == "<branch>"`: a branch pipeline of exactly this branch. */
export function branchIs(branch: string): string {
  return `$CI_COMMIT_BRANCH == "${branch}"`;
}

/**
 * One service's image: only in main-branch pipelines that change its paths. Buildx in Docker in
 * Docker builds amd64 and arm64, pushes the immutable `sha-<commit>` tag and moves the first
 * environment's tag; an image already pushed is not built again.
 */
function buildJob(ctx: WorkflowContext, gitlab: GitlabModel, build: ServiceBuildModel): GitlabJob {
  const role = assumeRole(
    gitlab,
    imagePushRoleArn(ctx.model),
    ctx.model.ci.region,
    `${ctx.model.app}-build-${build.service}`,
  );
  return {
    stage: 'build',
    image: imageRef(DOCKER_IMAGE),
    services: [{ name: imageRef(DOCKER_IMAGE), alias: 'docker' }],
    variables: {
      ...role.variables,
      // Image tags are the last commit that changed a service, so the history is needed.
      GIT_DEPTH: '0',
      DOCKER_HOST: 'tcp://docker:2376',
      DOCKER_TLS_CERTDIR: '/certs',
      DOCKER_CERT_PATH: '/certs/client',
      DOCKER_TLS_VERIFY: '1',
      REPOSITORY: build.repository,
      WATCH: build.watch.join(' '),
      ...(build.movingTag === undefined ? {} : { MOVING_TAG: build.movingTag }),
    },
    id_tokens: role.id_tokens,
    rules: [{ if: branchIs(gitlab.mainBranch), changes: { paths: build.watch.flatMap(changePatterns) } }],
    // Builds of one service queue instead of racing to move the same tag.
    resource_group: `build-${build.service}`,
    timeout: '1h',
    script: [
      'apk add --no-cache aws-cli git jq',
      writeIdToken(),
      ...imageTagLines(),
      'registry="$(aws sts get-caller-identity --query Account --output text).dkr.ecr.$AWS_REGION.amazonaws.com"',
      'aws ecr get-login-password | docker login --username AWS --password-stdin "$registry"',
      [
        'if aws ecr describe-images --repository-name "$REPOSITORY" --image-ids imageTag="$TAG" > /dev/null 2>&1; then',
        '  echo "$REPOSITORY:$TAG exists: nothing to build"',
        ...(build.movingTag === undefined
          ? []
          : ['  export SOURCE_TAG="$TAG" TARGET_TAG="$MOVING_TAG"', indent(moveTagScript(MISSING_IMAGE))]),
        '  exit 0',
        'fi',
      ].join('\n'),
      `docker run --privileged --rm ${imageRef(BINFMT_IMAGE)} --install arm64`,
      'docker buildx create --use --driver docker-container',
      [
        `docker buildx build --platform ${PLATFORMS} --push`,
        `--file ${build.dockerfile}`,
        '--tag "$registry/$REPOSITORY:$TAG"',
        ...(build.movingTag === undefined ? [] : ['--tag "$registry/$REPOSITORY:$MOVING_TAG"']),
        build.context,
      ].join(' '),
    ],
  };
}

function indent(script: string): string {
  return script
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * An environment's two jobs: the infrastructure stacks, then every service stack at the image its
 * last change built. Production jobs wait for someone to start them in the protected environment,
 * show the diff first and run one at a time (`resource_group`), never cancelled.
 */
function addEnvironmentJobs(
  jobs: Record<string, GitlabJob>,
  ctx: WorkflowContext,
  gitlab: GitlabModel,
  env: EnvironmentModel,
  previous: string | undefined,
): string {
  const branch = gitlabDeployBranch(gitlab, env);
  const builds = env.production ? [] : ctx.delivery.builds.map((b) => `build-${b.service}`);
  const rule: GitlabRule = env.production
    ? { if: branchIs(branch), when: 'manual', allow_failure: false }
    : { if: branchIs(branch) };
  const shared = (lane: string): Omit<GitlabJob, 'script'> => {
    const role = assumeRole(
      gitlab,
      deployRoleArn(ctx.model, env.name),
      env.region,
      `${ctx.model.app}-${env.name}-${lane}`,
    );
    return {
      stage: 'deploy',
      variables: { ...role.variables, GIT_DEPTH: '0' },
      id_tokens: role.id_tokens,
      environment: {
        name: env.name,
        deployment_tier: env.production ? 'production' : 'development',
      },
      resource_group: `deploy-${ctx.model.app}-${env.name}-${lane}`,
      interruptible: false,
      timeout: '2h',
    };
  };
  const infrastructure = `infrastructure-${env.name}`;
  jobs[infrastructure] = {
    ...shared('infrastructure'),
    // The first environment waits for every earlier stage (lint, test, build); the next for the one before.
    ...(previous === undefined ? {} : { needs: [previous] }),
    rules: [rule],
    script: [
      ctx.delivery.commands.install,
      writeIdToken(),
      commands.diffInfrastructure(ctx.configPath, env.name),
      commands.deployInfrastructure(ctx.configPath, env.name),
    ],
  };
  const services = `services-${env.name}`;
  jobs[services] = {
    ...shared('services'),
    needs: [infrastructure, ...builds.map((job) => ({ job, optional: true }))],
    rules: [rule],
    script: [
      ctx.delivery.commands.install,
      writeIdToken(),
      ...imageTagsLines(ctx.delivery.builds),
      commands.diffServices(ctx.configPath, env.name),
      commands.deployServices(ctx.configPath, env.name),
    ],
  };
  return services;
}

/** A watched path as `rules: changes:` globs: a file matches itself, a folder everything below it. */
function changePatterns(path: string): string[] {
  if (path === '.') return ['**/*'];
  return /\.[A-Za-z0-9]+$/.test(path.split('/').at(-1) ?? '') ? [path] : [`${path}/**/*`];
}
