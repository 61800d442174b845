import type { EnvironmentModel, PreviewModel } from '../model/types.js';
import { previewRepositoryName } from '../stacks/shared/resource-names.js';
import { uses } from './actions.js';
import { deployRoleArn, previewPushRoleArn, type WorkflowContext } from './context.js';
import { expr } from './expression.js';
import { previewImageOutputs, previewImagesStep } from './preview-images.js';
import * as commands from './slipway-commands.js';
import { assumeRole, checkout, setupNodeAndInstall } from './steps.js';
import type { Job, Step, Workflow } from './workflow-types.js';

/** A quiet minute of the night (UTC) for the cleanup, off the hour most schedules pile onto. */
const NIGHTLY = '17 3 * * *';

/**
 * Per-branch previews (seed 002): a push to a matching branch brings its preview up, deleting the
 * branch takes it down, and a nightly run removes previews older than `previewMaxAgeDays`. Every
 * job runs in the `preview` GitHub environment, which the copied environment's deploy role also
 * trusts, so previews reach nothing else. Branch names are attacker-chosen text: they reach the
 * scripts only through `env:`.
 */
export function previewWorkflow(ctx: WorkflowContext, preview: PreviewModel): Workflow {
  const env = ctx.model.environments.find((e) => e.name === preview.environment);
  if (env === undefined)
    throw new Error(`Previews copy '${preview.environment}', which is not an environment.`);
  const job = (
    name: string,
    condition: string,
    branch: string | undefined,
    run: string,
    before: readonly Step[] = [],
  ): Job => ({
    name,
    if: condition,
    'runs-on': ctx.runner,
    'timeout-minutes': 60,
    environment: preview.githubEnvironment,
    // Up and down of one branch queue behind each other; different branches run side by side.
    concurrency: {
      group: branch === undefined ? 'preview-prune' : `preview-${branch}`,
      'cancel-in-progress': false,
    },
    permissions: { contents: 'read', 'id-token': 'write' },
    ...(branch === undefined ? {} : { env: { BRANCH: branch } }),
    steps: [
      // The image tags are the last commits that changed each service: the history is needed.
      checkout({ fullHistory: before.length > 0 }),
      ...setupNodeAndInstall(ctx),
      ...before,
      assumeRole(deployRoleArn(ctx.model, env.name), env.region, `${ctx.model.app}-preview`),
      {
        name,
        ...(before.length > 0 ? { env: { IMAGE_TAGS: expr('steps.images.outputs.args') } } : {}),
        run,
      } satisfies Step,
    ],
  });
  const builds = branchBuilds(ctx, env);
  return {
    name: 'Preview',
    on: {
      push: { branches: [...preview.branches] },
      delete: {},
      schedule: [{ cron: NIGHTLY }],
    },
    permissions: {},
    jobs: {
      up: job(
        'Bring the preview up',
        "github.event_name == 'push'",
        expr('github.ref_name'),
        commands.previewUp(ctx.configPath, builds.length > 0),
        builds,
      ),
      down: job(
        'Take the preview down',
        `github.event_name == 'delete' && github.event.ref_type == 'branch' && (${deletedBranchMatches(preview.branches)})`,
        expr('github.event.ref'),
        commands.previewDown(ctx.configPath),
      ),
      prune: job(
        `Remove previews older than ${preview.maxAgeDays} days`,
        "github.event_name == 'schedule'",
        undefined,
        commands.previewPrune(ctx.configPath, preview.maxAgeDays),
      ),
    },
  };
}

/**
 * The branch's own images: the preview push role (trusted by the preview GitHub environment, for
 * the preview repositories only), which images the push changed (`previewImagesStep`), then a
 * build of each of those for its architecture in the copied environment, pushed as
 * `sha-<commit>` to `<repository>-preview`; the others' images are reused.
 */
function branchBuilds(ctx: WorkflowContext, env: EnvironmentModel): Step[] {
  const { model, delivery } = ctx;
  if (delivery.builds.length === 0) return [];
  const registry = expr('steps.ecr.outputs.registry');
  const platform = (service: string) =>
    env.services.find((s) => s.name === service)?.architecture === 'x86_64' ? 'linux/amd64' : 'linux/arm64';
  const needsQemu = delivery.builds.some((b) => platform(b.service) === 'linux/arm64');
  return [
    assumeRole(previewPushRoleArn(model), model.ci.region, `${model.app}-preview-build`),
    { name: 'Log in to ECR', id: 'ecr', uses: uses('ecrLogin') },
    ...(needsQemu ? [{ name: 'Set up QEMU (arm64 on an amd64 runner)', uses: uses('setupQemu') }] : []),
    previewImagesStep(delivery.builds),
    { name: 'Set up Buildx', uses: uses('setupBuildx') },
    ...delivery.builds.map((build): Step => ({
      name: `Build and push ${build.service} (${platform(build.service)})`,
      if: `steps.images.outputs.${previewImageOutputs.build(build.service)} == 'true'`,
      uses: uses('buildPush'),
      with: {
        context: build.context,
        file: build.dockerfile,
        platforms: platform(build.service),
        push: true,
        tags: `${registry}/${previewRepositoryName(build.repository)}:${expr(`steps.images.outputs.${previewImageOutputs.tag(build.service)}`)}`,
        'cache-from': `type=gha,scope=preview-${build.service}`,
        'cache-to': `type=gha,mode=max,scope=preview-${build.service}`,
      },
    })),
  ];
}

/**
 * `delete` events take no branch filter, so the job condition matches the deleted branch against
 * the patterns' literal prefixes (`feat/*` → starts with `feat/`; no wildcard → equals).
 */
function deletedBranchMatches(patterns: readonly string[]): string {
  return patterns
    .map((pattern) => {
      const prefix = pattern.replace(/\*+$/, '');
      return prefix === pattern
        ? `github.event.ref == '${pattern}'`
        : `startsWith(github.event.ref, '${prefix}')`;
    })
    .join(' || ');
}
