import type { EksClusterModel, EksDatadogModel, EksNodePoolModel, Runtime } from '../../model/eks.js';
import type { ObservabilityModel } from '../../model/observability.js';
import type { Capacity } from '../../model/types.js';
import type { EksConfig, EnvironmentConfig, NodePoolConfig, SlipwayConfig } from '../schema.js';
import { EKS_DEFAULTS, NODE_POOL_LABEL } from './defaults.js';
import { resolveObservability } from './observability.js';

/** The environment's own `runtime`, else the app's, else ECS. */
export function runtimeOf(config: SlipwayConfig, env: EnvironmentConfig): Runtime {
  return env.runtime ?? config.runtime ?? 'ecs';
}

interface ClusterStage {
  readonly production: boolean;
  /** The environment's default capacity, which the workload pool takes. */
  readonly capacity: Capacity;
}

/**
 * The environment's cluster: its `eks` fields over the app's, over the defaults. The app's
 * `nodePools` replace the default pair as a whole; an environment's merge into them per pool and
 * field (one environment may raise one pool's `maxSize` alone) and may add pools.
 */
export function resolveEks(
  config: SlipwayConfig,
  env: EnvironmentConfig,
  stage: ClusterStage,
): EksClusterModel {
  const app = config.eks ?? {};
  const own = env.eks ?? {};
  const basePools: Record<string, NodePoolConfig> = app.nodePools ?? EKS_DEFAULTS.nodePools;
  const poolNames = [...new Set([...Object.keys(basePools), ...Object.keys(own.nodePools ?? {})])];
  return {
    version: own.version ?? app.version ?? EKS_DEFAULTS.version,
    publicEndpointCidrs: [...(own.publicEndpointCidrs ?? app.publicEndpointCidrs ?? [])],
    admins: [...(own.admins ?? app.admins ?? [])],
    developers: [...(own.developers ?? app.developers ?? [])],
    nodePools: poolNames.map((name) =>
      resolveNodePool(name, { ...basePools[name], ...own.nodePools?.[name] }, stage),
    ),
    secrets: own.secrets ?? app.secrets ?? 'external-secrets',
    // Per add-on: an environment's version wins over the app's.
    addons: Object.entries({ ...app.addons, ...own.addons }).map(([name, version]) => ({ name, version })),
    gitopsPath: own.gitopsPath ?? app.gitopsPath ?? EKS_DEFAULTS.gitopsPath,
    nodes: own.nodes ?? app.nodes ?? 'managed',
    ...datadogOf(
      app.datadog,
      own.datadog,
      resolveObservability(config.observability, env.observability, stage.production),
    ),
  };
}

/**
 * The Datadog block, the environment's fields over the app's one by one. A missing API key
 * resolves to '' for the validator to name; monitors exist only with an application key. Without
 * an `eks.datadog` block, an environment whose observability provider is Datadog runs the agent
 * with `observability.datadog`'s settings (validation refuses both blocks at once).
 */
function datadogOf(
  app: EksConfig['datadog'],
  own: EksConfig['datadog'],
  observability: ObservabilityModel,
): { datadog?: EksDatadogModel } {
  if (app === undefined && own === undefined) {
    const chosen = observability.provider === 'datadog' ? observability.datadog : undefined;
    if (chosen === undefined) return {};
    return {
      datadog: {
        site: chosen.site,
        apiKeySecret: chosen.apiKeySecret,
        ...(chosen.appKeySecret === undefined
          ? {}
          : { monitors: { appKeySecret: chosen.appKeySecret, notify: [...chosen.notify] } }),
      },
    };
  }
  const datadog = { ...app, ...own };
  return {
    datadog: {
      site: datadog.site ?? EKS_DEFAULTS.datadogSite,
      apiKeySecret: datadog.apiKeySecret ?? '',
      ...(datadog.appKeySecret === undefined
        ? {}
        : { monitors: { appKeySecret: datadog.appKeySecret, notify: [...(datadog.notify ?? [])] } }),
    },
  };
}

function resolveNodePool(name: string, pool: NodePoolConfig, stage: ClusterStage): EksNodePoolModel {
  const defaults = poolDefaults(name, stage);
  const minSize = pool.minSize ?? defaults.minSize;
  const desiredSize = pool.desiredSize ?? minSize;
  return {
    name,
    capacity: pool.capacity ?? defaults.capacity,
    architecture: pool.architecture ?? 'arm64',
    instanceTypes: [...(pool.instanceTypes ?? defaults.instanceTypes)],
    minSize,
    maxSize: pool.maxSize ?? Math.max(defaults.maxSize, desiredSize),
    desiredSize,
    labels: { [NODE_POOL_LABEL]: name, ...pool.labels },
    taints: (pool.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? '', effect: t.effect })),
  };
}

/** The system pool runs on demand (controllers, DNS); every other pool takes the environment's capacity. */
function poolDefaults(name: string, stage: ClusterStage) {
  const system = name === 'system';
  const sizes = stage.production ? EKS_DEFAULTS.production : EKS_DEFAULTS.development;
  const capacity: Capacity = system ? 'on-demand' : stage.capacity;
  return {
    capacity,
    instanceTypes:
      capacity === 'spot'
        ? EKS_DEFAULTS.spotInstanceTypes
        : system
          ? ['t4g.medium']
          : sizes.workloadInstanceTypes,
    minSize: sizes.minSize,
    maxSize: system ? sizes.systemMaxSize : sizes.workloadMaxSize,
  };
}
