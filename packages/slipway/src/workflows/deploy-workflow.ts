import type { DeployRoleModel, EnvironmentModel } from '../model/types.js';
import { deployRoleArn, type WorkflowContext } from './context.js';
import { expr } from './expression.js';
import { manifestsJob } from './manifests-job.js';
import * as commands from './slipway-commands.js';
import {
  assumeRole,
  checkout,
  imageTagStep,
  imageTagsStep,
  moveTagScript,
  setupNodeAndInstall,
} from './steps.js';
import type { Job, Workflow } from './workflow-types.js';

/**
 * On a release tag (`v*`), environment after environment in the config's order: the
 * infrastructure job deploys the layer stacks, then the services job deploys every service stack at
 * the image its last change built (seed 001: infrastructure and app deploys are separate jobs). Every
 * job runs in the environment's GitHub environment, which is what its deploy role trusts; for
 * production that environment has required reviewers, so nothing reaches it unapproved. Production
 * jobs show the diff before deploying and never cancel each other (SECURITY.md 18).
 *
 * With `delivery.pipeline: 'codepipeline'`, the services job is replaced: the first environment's
 * pipeline already starts on every build, and later environments are promoted by moving their
 * image tag (e.g. `latest`), which starts their pipeline.
 *
 * An EKS environment has no service stacks: its infrastructure job deploys the layers up to the
 * cluster, and a manifests job then rolls the apps out by committing its GitOps folder, which
 * Argo CD syncs (`manifests-job.ts`).
 */
export function deployWorkflow(ctx: WorkflowContext): Workflow {
  const jobs: Record<string, Job> = {};
  let previous: string | undefined;
  ctx.model.environments.forEach((env, index) => {
    const role = ctx.model.ci.deployRoles.find((r) => r.environment === env.name);
    if (role === undefined) throw new Error(`No deploy role for environment '${env.name}'.`);
    const infrastructure = `infrastructure-${env.name}`;
    jobs[infrastructure] = infrastructureJob(ctx, env, role, previous);
    previous = infrastructure;
    if (env.runtime === 'eks') {
      const manifests = `manifests-${env.name}`;
      jobs[manifests] = manifestsJob(ctx, env, infrastructure);
      previous = manifests;
    } else if (ctx.delivery.pipeline === 'github-actions') {
      const services = `services-${env.name}`;
      jobs[services] = servicesJob(ctx, env, role, infrastructure);
      previous = services;
    } else if (index > 0) {
      const promote = `promote-${env.name}`;
      jobs[promote] = promoteJob(ctx, env, role, infrastructure);
      previous = promote;
    }
  });
  return {
    name: 'Deploy',
    on: { push: { tags: ['v*'] } },
    permissions: {},
    jobs,
  };
}

/** The fields every job of one environment shares: its GitHub environment and its role. */
function environmentJob(
  ctx: WorkflowContext,
  env: EnvironmentModel,
  role: DeployRoleModel,
  lane: string,
  needs: string | undefined,
): Omit<Job, 'steps'> {
  return {
    ...(needs === undefined ? {} : { needs }),
    'runs-on': ctx.runner,
    'timeout-minutes': 120,
    environment: role.githubEnvironment,
    // Two releases never deploy the same stacks at once; a queued one waits, never cancels.
    concurrency: { group: `deploy-${ctx.model.app}-${env.name}-${lane}`, 'cancel-in-progress': false },
    permissions: { contents: 'read', 'id-token': 'write' },
  };
}

function infrastructureJob(
  ctx: WorkflowContext,
  env: EnvironmentModel,
  role: DeployRoleModel,
  needs: string | undefined,
): Job {
  // On EKS the cluster stack is the last one: there is nothing more for a whole deploy to add.
  const whole = ctx.delivery.pipeline === 'codepipeline' && env.runtime !== 'eks';
  return {
    name: `${env.name} · infrastructure`,
    ...environmentJob(ctx, env, role, 'infrastructure', needs),
    steps: [
      checkout(),
      ...setupNodeAndInstall(ctx),
      assumeRole(
        deployRoleArn(ctx.model, env.name),
        env.region,
        `${ctx.model.app}-${env.name}-infrastructure`,
      ),
      {
        name: 'Show what changes',
        run: whole
          ? commands.diffEnvironment(ctx.configPath, env.name)
          : commands.diffInfrastructure(ctx.configPath, env.name),
      },
      {
        name: whole ? 'Deploy the stacks' : 'Deploy the infrastructure stacks',
        run: whole
          ? commands.deployEnvironment(ctx.configPath, env.name)
          : commands.deployInfrastructure(ctx.configPath, env.name),
      },
    ],
  };
}

/**
 * Every service stack at the image its last change built. Unchanged services keep their tag, so
 * their stacks have nothing to change and are not redeployed.
 */
function servicesJob(ctx: WorkflowContext, env: EnvironmentModel, role: DeployRoleModel, needs: string): Job {
  const tagged = { IMAGE_TAGS: expr('steps.tags.outputs.args') };
  return {
    name: `${env.name} · services`,
    ...environmentJob(ctx, env, role, 'services', needs),
    steps: [
      checkout({ fullHistory: true }),
      ...setupNodeAndInstall(ctx),
      imageTagsStep(ctx.delivery.builds),
      assumeRole(deployRoleArn(ctx.model, env.name), env.region, `${ctx.model.app}-${env.name}-services`),
      { name: 'Show what changes', env: tagged, run: commands.diffServices(ctx.configPath, env.name) },
      { name: 'Deploy the services', env: tagged, run: commands.deployServices(ctx.configPath, env.name) },
    ],
  };
}

function promoteJob(ctx: WorkflowContext, env: EnvironmentModel, role: DeployRoleModel, needs: string): Job {
  const include = ctx.delivery.builds.map((b) => {
    const service = env.services.find((s) => s.name === b.service);
    return {
      service: b.service,
      watch: b.watch.join(' '),
      repository: b.repository,
      tag: service?.image.tag ?? '',
    };
  });
  return {
    name: `${env.name} · promote ${expr('matrix.service')}`,
    ...environmentJob(ctx, env, role, expr('matrix.service'), needs),
    strategy: { 'fail-fast': false, matrix: { include } },
    env: { WATCH: expr('matrix.watch'), REPOSITORY: expr('matrix.repository') },
    steps: [
      checkout({ fullHistory: true }),
      imageTagStep(),
      // ECR lives in the CI account's region; the pipeline there picks the moved tag up.
      assumeRole(
        deployRoleArn(ctx.model, env.name),
        ctx.model.ci.region,
        `${ctx.model.app}-${env.name}-promote`,
      ),
      {
        name: `Move the ${env.name} tag; its pipeline deploys it after approval`,
        env: { SOURCE_TAG: expr('steps.tag.outputs.tag'), TARGET_TAG: expr('matrix.tag') },
        run: moveTagScript(),
      },
    ],
  };
}
