import type { Runtime } from '../../model/eks.js';
import type { Capacity, DeploymentModel, ServiceModel } from '../../model/types.js';
import type { DeploymentConfig, ServiceConfig, ServiceOverrideConfig } from '../schema.js';
import { SERVICE_DEFAULTS, stageDefaults } from './defaults.js';

/** What a service inherits from the environment it runs in. */
export interface ServiceEnvironment {
  readonly app: string;
  readonly production: boolean;
  readonly capacity: Capacity;
  readonly imageTag: string;
  readonly runtime: Runtime;
}

/**
 * One service in one environment: the environment's override wins over the top-level service,
 * which wins over the defaults. Maps (environment, secrets) merge key by key; `scaling` and
 * `deployment` are replaced whole, because half of one strategy plus half of another means nothing.
 */
export function resolveService(
  name: string,
  service: ServiceConfig,
  override: ServiceOverrideConfig | undefined,
  env: ServiceEnvironment,
): ServiceModel {
  const stage = stageDefaults(env.production);
  const o = override ?? {};
  const minCount = o.minCount ?? service.minCount ?? stage.minCount;
  const desiredCount = o.desiredCount ?? service.desiredCount ?? minCount;
  const maxCount = o.maxCount ?? service.maxCount ?? Math.max(desiredCount, minCount) * 2;
  const isPublic = service.public ?? SERVICE_DEFAULTS.public;
  return {
    name,
    image: {
      repository: service.image?.repository ?? `${env.app}/${name}`,
      tag: o.image?.tag ?? service.image?.tag ?? env.imageTag,
    },
    port: service.port,
    cpu: o.cpu ?? service.cpu ?? SERVICE_DEFAULTS.cpu,
    memory: o.memory ?? service.memory ?? SERVICE_DEFAULTS.memory,
    architecture: o.architecture ?? service.architecture ?? SERVICE_DEFAULTS.architecture,
    capacity: o.capacity ?? service.capacity ?? env.capacity,
    healthPath: service.healthPath ?? SERVICE_DEFAULTS.healthPath,
    ...(service.healthCheckCommand === undefined
      ? {}
      : { healthCheckCommand: [...service.healthCheckCommand] }),
    healthCheckGracePeriodSeconds:
      o.healthCheckGracePeriodSeconds ??
      service.healthCheckGracePeriodSeconds ??
      SERVICE_DEFAULTS.healthCheckGracePeriodSeconds,
    public: isPublic,
    allowedCidrs: [...(o.allowedCidrs ?? service.allowedCidrs ?? [])],
    stickySessions: o.stickySessions ?? service.stickySessions ?? false,
    paths: [...(service.paths ?? SERVICE_DEFAULTS.paths)],
    desiredCount,
    minCount,
    maxCount,
    scaling: { ...(o.scaling ?? service.scaling ?? SERVICE_DEFAULTS.scaling) },
    environment: { ...service.environment, ...o.environment },
    secrets: { ...service.secrets, ...o.secrets },
    ...(service.database === undefined ? {} : { database: service.database }),
    ...(service.cache === undefined ? {} : { cache: service.cache }),
    ...(service.tables === undefined ? {} : { tables: { ...service.tables } }),
    ...(service.topics === undefined ? {} : { topics: [...service.topics] }),
    ...(service.queues === undefined ? {} : { queues: [...service.queues] }),
    stopTimeoutSeconds:
      o.stopTimeoutSeconds ?? service.stopTimeoutSeconds ?? SERVICE_DEFAULTS.stopTimeoutSeconds,
    user: o.user ?? service.user ?? SERVICE_DEFAULTS.user,
    readonlyRootFilesystem:
      o.readonlyRootFilesystem ?? service.readonlyRootFilesystem ?? SERVICE_DEFAULTS.readonlyRootFilesystem,
    writablePaths: [...(o.writablePaths ?? service.writablePaths ?? SERVICE_DEFAULTS.writablePaths)],
    // Traffic-shifting strategies need the load balancer, so internal services default to rolling;
    // on EKS a Deployment rolls its pods, and ECS's strategies do not exist.
    deployment: resolveDeployment(
      o.deployment ?? service.deployment,
      isPublic && env.runtime === 'ecs' ? stage.deployment : { strategy: 'rolling' },
    ),
    ...(service.dev === undefined
      ? {}
      : { dev: { command: service.dev.command, cwd: service.dev.cwd ?? '.', env: { ...service.dev.env } } }),
  };
}

function resolveDeployment(config: DeploymentConfig | undefined, fallback: DeploymentModel): DeploymentModel {
  if (config === undefined) return { ...fallback };
  // Copy only what was set, so a strategy's missing fields stay visibly missing for validation.
  const out: { -readonly [K in keyof DeploymentModel]: DeploymentModel[K] } = { strategy: config.strategy };
  if (config.canaryPercent !== undefined) out.canaryPercent = config.canaryPercent;
  if (config.stepPercent !== undefined) out.stepPercent = config.stepPercent;
  if (config.stepMinutes !== undefined) out.stepMinutes = config.stepMinutes;
  if (config.bakeMinutes !== undefined) out.bakeMinutes = config.bakeMinutes;
  // ECS reads a linear rollout with no bake time as 36 hours of both revisions running, longer
  // than CloudFormation waits; so the last step bakes as long as the ones before it.
  if (out.strategy === 'linear' && out.bakeMinutes === undefined && out.stepMinutes !== undefined) {
    out.bakeMinutes = out.stepMinutes;
  }
  return out;
}
