import { githubOf } from '../model/ci-host.js';
import type { ServiceBuildModel } from '../model/types.js';
import { uses } from './actions.js';
import { imagePushRoleArn, type WorkflowContext } from './context.js';
import { expr } from './expression.js';
import { assumeRole, checkout, imageTagStep, moveTagScript } from './steps.js';
import type { Workflow } from './workflow-types.js';

/**
 * Both architectures Fargate runs and EKS node pools may mix, so `architecture` can change per
 * environment, and a pod can land on either kind of node, without a rebuild.
 */
const PLATFORMS = 'linux/amd64,linux/arm64';

/** `.github/workflows/build-<service>.yml` */
export function buildWorkflowFile(build: ServiceBuildModel): string {
  return `build-${build.service}.yml`;
}

/**
 * One workflow per service, started only by pushes to the main branch that touch the service's
 * paths (seed 003: a change to one service builds only it). It assumes the image-push role, builds
 * for amd64 and arm64 with a layer cache, pushes the immutable `sha-<commit>` tag and moves the
 * first environment's tag (`dev-latest`) to it. A manual run rebuilds a service whose tag is
 * missing; an existing tag is never pushed twice (the tags are immutable).
 */
export function buildWorkflow(ctx: WorkflowContext, build: ServiceBuildModel): Workflow {
  const { model } = ctx;
  const branch = githubOf(model).mainBranch;
  const image = `${expr('steps.ecr.outputs.registry')}/${expr('env.REPOSITORY')}`;
  const missing = "steps.exists.outputs.found != 'true'";
  return {
    name: `Build ${build.service}`,
    on: {
      push: { branches: [branch], paths: build.watch.flatMap(watchPatterns) },
      workflow_dispatch: {},
    },
    permissions: {},
    // Builds of one service queue instead of racing to move the same tag.
    concurrency: { group: `build-${build.service}`, 'cancel-in-progress': false },
    jobs: {
      image: {
        name: `Build and push ${build.service}`,
        // A manual run from another branch would present a subject the push role does not trust.
        if: `github.ref == 'refs/heads/${branch}'`,
        'runs-on': ctx.runner,
        'timeout-minutes': 60,
        permissions: { contents: 'read', 'id-token': 'write' },
        env: {
          REPOSITORY: build.repository,
          WATCH: build.watch.join(' '),
          ...(build.movingTag === undefined ? {} : { MOVING_TAG: build.movingTag }),
        },
        steps: [
          checkout({ fullHistory: true }),
          imageTagStep(),
          assumeRole(imagePushRoleArn(model), model.ci.region, `${model.app}-build-${build.service}`),
          { name: 'Log in to ECR', id: 'ecr', uses: uses('ecrLogin') },
          {
            name: 'Is this image already pushed?',
            id: 'exists',
            env: { TAG: expr('steps.tag.outputs.tag') },
            run: [
              'if aws ecr describe-images --repository-name "$REPOSITORY" --image-ids imageTag="$TAG" > /dev/null 2>&1; then',
              '  echo "found=true" >> "$GITHUB_OUTPUT"',
              '  echo "$REPOSITORY:$TAG exists: nothing to build"',
              'else',
              '  echo "found=false" >> "$GITHUB_OUTPUT"',
              'fi',
            ].join('\n'),
          },
          { name: 'Set up QEMU (arm64 on an amd64 runner)', if: missing, uses: uses('setupQemu') },
          { name: 'Set up Buildx', if: missing, uses: uses('setupBuildx') },
          {
            name: `Build and push ${PLATFORMS}`,
            if: missing,
            uses: uses('buildPush'),
            with: {
              context: build.context,
              file: build.dockerfile,
              platforms: PLATFORMS,
              push: true,
              tags: [
                `${image}:${expr('steps.tag.outputs.tag')}`,
                ...(build.movingTag === undefined ? [] : [`${image}:${expr('env.MOVING_TAG')}`]),
              ].join('\n'),
              'cache-from': `type=gha,scope=${build.service}`,
              'cache-to': `type=gha,mode=max,scope=${build.service}`,
            },
          },
          ...(build.movingTag === undefined
            ? []
            : [
                {
                  name: `Move ${build.movingTag} to this image`,
                  if: "steps.exists.outputs.found == 'true'",
                  env: { SOURCE_TAG: expr('steps.tag.outputs.tag'), TARGET_TAG: expr('env.MOVING_TAG') },
                  run: moveTagScript(),
                },
              ]),
          {
            name: 'Summary',
            env: { TAG: expr('steps.tag.outputs.tag') },
            run: 'echo "### $REPOSITORY:$TAG" >> "$GITHUB_STEP_SUMMARY"',
          },
        ],
      },
    },
  };
}

/**
 * A watched path as push path filters: a file name with an extension matches itself; anything
 * else may be a directory, so it matches itself and everything below it.
 */
function watchPatterns(path: string): string[] {
  if (path === '.') return ['**'];
  return /\.[A-Za-z0-9]+$/.test(path.split('/').at(-1) ?? '') ? [path] : [path, `${path}/**`];
}
