import { BINFMT_IMAGE, DOCKER_IMAGE, imageRef } from '../../config/data/ci-images.js';
import type { EnvironmentModel, GitlabModel, PreviewModel } from '../../model/types.js';
import { previewRepositoryName } from '../../stacks/shared/resource-names.js';
import { previewDeployRoleArn, previewPushRoleArn, type WorkflowContext } from '../context.js';
import * as commands from '../slipway-commands.js';
import { previewImageLines } from '../preview-images.js';
import { assumeRole } from './assume-role.js';
import type { GitlabEnvironment, GitlabJob, GitlabRule } from './pipeline-types.js';
import { previewBranchCondition, scheduledOn } from './preview-conditions.js';
import { writeIdToken } from './scripts.js';

/** The stage preview jobs run in, after deploy (branch pipelines have no deploy jobs). */
export const PREVIEW_STAGE = 'preview';
export const PREVIEW_JOBS = {
  build: 'preview-build',
  up: 'preview-up',
  down: 'preview-down',
  prune: 'preview-prune',
} as const;

/** One GitLab environment per branch; GitLab stops it when the branch goes or it idles too long. */
const ENVIRONMENT = 'preview/$CI_COMMIT_REF_SLUG';
/** The build job's `IMAGE_TAGS` (`--image-tag <service>=<tag> …`), handed to `preview-up`. */
const IMAGES_FILE = 'preview-images.env';
/** Branch names are pushers' text: they reach commands only as a quoted shell variable. */
const EXPORT_BRANCH = 'export BRANCH="$CI_COMMIT_BRANCH"';

/**
 * Previews per merge request (decision 023). Branch pipelines of the preview branches, run only
 * while the branch has an open merge request, build the branch's images into the preview
 * repositories and bring its preview up in the GitLab environment `preview/<branch slug>`.
 * GitLab runs `preview-down` when that environment stops: by hand, `auto_stop_in` after the last
 * deploy, or when the branch is deleted (as on merge with "delete source branch"). A pipeline
 * schedule on the main branch prunes what is left. Every job assumes only the preview roles.
 */
export function previewJobs(
  ctx: WorkflowContext,
  gitlab: GitlabModel,
  preview: PreviewModel,
): Record<string, GitlabJob> {
  const env = ctx.model.environments.find((e) => e.name === preview.environment);
  if (env === undefined)
    throw new Error(`Previews copy '${preview.environment}', which is not an environment.`);
  const onPreviewBranch: GitlabRule[] = preview.branches.map((p) => ({ if: previewBranchCondition(p) }));
  const deployRole = (lane: string) =>
    assumeRole(gitlab, previewDeployRoleArn(ctx.model), env.region, `${ctx.model.app}-preview-${lane}`);
  const jobs: Record<string, GitlabJob> = {};
  const build = buildJob(ctx, gitlab, env, onPreviewBranch);
  if (build !== undefined) jobs[PREVIEW_JOBS.build] = build;
  const environment: GitlabEnvironment = { name: ENVIRONMENT, deployment_tier: 'development' };
  const up = deployRole('up');
  jobs[PREVIEW_JOBS.up] = {
    stage: PREVIEW_STAGE,
    variables: up.variables,
    id_tokens: up.id_tokens,
    environment: { ...environment, on_stop: PREVIEW_JOBS.down, auto_stop_in: `${preview.maxAgeDays} days` },
    ...(build === undefined ? {} : { needs: [PREVIEW_JOBS.build] }),
    rules: onPreviewBranch,
    // Up and down of one branch queue behind each other; different branches run side by side.
    resource_group: 'preview-$CI_COMMIT_REF_SLUG',
    interruptible: false,
    timeout: '1h',
    script: [
      ctx.delivery.commands.install,
      writeIdToken(),
      EXPORT_BRANCH,
      commands.previewUp(ctx.configPath, build !== undefined),
    ],
  };
  const down = deployRole('down');
  jobs[PREVIEW_JOBS.down] = {
    stage: PREVIEW_STAGE,
    // The branch may be gone by now (deleted on merge), so the job checks out nothing and takes
    // the config from the main branch, as GitHub's delete event does.
    variables: { ...down.variables, GIT_STRATEGY: 'none' },
    id_tokens: down.id_tokens,
    environment: { ...environment, action: 'stop' },
    // Manual, and never blocking: GitLab starts it when the environment stops.
    rules: onPreviewBranch.map((rule) => ({ ...rule, when: 'manual', allow_failure: true })),
    resource_group: 'preview-$CI_COMMIT_REF_SLUG',
    interruptible: false,
    timeout: '1h',
    script: [
      'apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates > /dev/null',
      `git clone --depth 1 --branch ${gitlab.mainBranch} "$CI_REPOSITORY_URL" "$CI_BUILDS_DIR/main-for-preview-down"`,
      'cd "$CI_BUILDS_DIR/main-for-preview-down"',
      ctx.delivery.commands.install,
      writeIdToken(),
      EXPORT_BRANCH,
      commands.previewDown(ctx.configPath),
    ],
  };
  const prune = deployRole('prune');
  jobs[PREVIEW_JOBS.prune] = {
    stage: PREVIEW_STAGE,
    variables: prune.variables,
    id_tokens: prune.id_tokens,
    environment: { name: 'preview/prune', action: 'access', deployment_tier: 'development' },
    rules: [{ if: scheduledOn(gitlab.mainBranch) }],
    resource_group: 'preview-prune',
    interruptible: false,
    timeout: '2h',
    script: [
      ctx.delivery.commands.install,
      writeIdToken(),
      commands.previewPrune(ctx.configPath, preview.maxAgeDays),
    ],
  };
  return jobs;
}

/**
 * The branch's own images: the preview push role (preview repositories only), then a build of
 * each service the push changed (`previewImageLines`) for its architecture in the copied
 * environment, pushed as `sha-<commit>` to `<repository>-preview`; the others' images are reused.
 * The tags reach `preview-up` through a dotenv report. Nothing reaches the repositories
 * environments run from.
 */
function buildJob(
  ctx: WorkflowContext,
  gitlab: GitlabModel,
  env: EnvironmentModel,
  rules: readonly GitlabRule[],
): GitlabJob | undefined {
  const builds = ctx.delivery.builds;
  if (builds.length === 0) return undefined;
  const platform = (service: string) =>
    env.services.find((s) => s.name === service)?.architecture === 'x86_64' ? 'linux/amd64' : 'linux/arm64';
  const role = assumeRole(
    gitlab,
    previewPushRoleArn(ctx.model),
    ctx.model.ci.region,
    `${ctx.model.app}-preview-build`,
  );
  return {
    stage: PREVIEW_STAGE,
    image: imageRef(DOCKER_IMAGE),
    services: [{ name: imageRef(DOCKER_IMAGE), alias: 'docker' }],
    variables: {
      ...role.variables,
      // The image tags are the last commits that changed each service: the history is needed.
      GIT_DEPTH: '0',
      DOCKER_HOST: 'tcp://docker:2376',
      DOCKER_TLS_CERTDIR: '/certs',
      DOCKER_CERT_PATH: '/certs/client',
      DOCKER_TLS_VERIFY: '1',
    },
    id_tokens: role.id_tokens,
    // Prepares the branch's environment without deploying to it, and so is a preview job to the rules.
    environment: { name: ENVIRONMENT, action: 'prepare' },
    rules,
    timeout: '1h',
    artifacts: { reports: { dotenv: IMAGES_FILE } },
    script: [
      // git: the image tags come from the history.
      'apk add --no-cache aws-cli git',
      writeIdToken(),
      'registry="$(aws sts get-caller-identity --query Account --output text).dkr.ecr.$AWS_REGION.amazonaws.com"',
      'aws ecr get-login-password | docker login --username AWS --password-stdin "$registry"',
      ...(builds.some((b) => platform(b.service) === 'linux/arm64')
        ? [`docker run --privileged --rm ${imageRef(BINFMT_IMAGE)} --install arm64`]
        : []),
      'docker buildx create --use --driver docker-container',
      // One script item: its if/else blocks span lines.
      previewImageLines(builds, {
        missing: (b) => [
          [
            `docker buildx build --platform ${platform(b.service)} --push`,
            `--file ${b.dockerfile}`,
            `--tag "$registry/${previewRepositoryName(b.repository)}:$tag"`,
            b.context,
          ].join(' '),
        ],
      }).join('\n'),
      `echo "IMAGE_TAGS=$args" > ${IMAGES_FILE}`,
    ],
  };
}
