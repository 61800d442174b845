import { resolveEdge } from './edge.js';
import { resolveObservability } from './observability.js';
import { resolveTable } from './tables.js';
import { queueReader, resolveFunction, resolveQueue, resolveTopic } from './functions.js';
import { needsMonitoringStack } from '../../model/monitoring-layer.js';
import type { EnvironmentModel } from '../../model/types.js';
import { layerStackName, serviceStackName } from '../../naming/names.js';
import type { EnvironmentConfig, SlipwayConfig } from '../schema.js';
import { resolveAuth, resolveServiceAuth } from './auth.js';
import { resolveCache } from './cache.js';
import { resolveDatabase } from './database.js';
import { resolveEks, runtimeOf } from './eks.js';
import {
  defaultGithubEnvironment,
  NETWORK_DEFAULTS,
  PRODUCTION_NAMES,
  stageDefaults,
  USAGE_DEFAULTS,
} from './defaults.js';
import { defined } from './defined.js';
import { resolveIngress } from './ingress.js';
import { resolveSecrets } from './secrets.js';
import { resolveService } from './service.js';

/** Production when the environment says so, or, when it does not, when it is named prod/production. */
export function isProduction(name: string, env: EnvironmentConfig): boolean {
  return env.production ?? PRODUCTION_NAMES.includes(name);
}

/** The GitHub environment whose jobs may assume this environment's deploy role. */
export function githubEnvironmentOf(name: string, env: EnvironmentConfig): string {
  return env.githubEnvironment ?? defaultGithubEnvironment(name, isProduction(name, env));
}

/** One environment with every default filled in and its stack names derived. */
export function resolveEnvironment(
  config: SlipwayConfig,
  name: string,
  env: EnvironmentConfig,
  /** Folder function entries are relative to: the config file's. @default the working directory */
  configDir: string = process.cwd(),
): EnvironmentModel {
  const production = isProduction(name, env);
  const stage = stageDefaults(production);
  const capacity = env.capacity ?? stage.capacity;
  const imageTag = env.imageTag ?? stage.imageTag;
  const logRetentionDays = env.logRetentionDays ?? stage.logRetentionDays;
  const runtime = runtimeOf(config, env);
  const edge = runtime === 'ecs' ? resolveEdge(env.edge) : undefined;
  const auth =
    config.auth === undefined
      ? undefined
      : resolveAuth(config.app, name, production, config.auth, Object.keys(config.services ?? {}));
  const services = Object.entries(config.services ?? {}).map(([serviceName, service]) => {
    const resolved = resolveService(serviceName, service, env.services?.[serviceName], {
      app: config.app,
      production,
      capacity,
      imageTag,
      runtime,
    });
    return service.auth === undefined
      ? resolved
      : { ...resolved, auth: resolveServiceAuth(service.auth, auth) };
  });
  const ingressChoice = resolveIngress(
    { name, region: env.region, production, runtime, edge, services },
    env.ingress,
  );
  const resolved: EnvironmentModel = {
    name,
    account: env.account,
    region: env.region,
    availabilityZones: [...env.availabilityZones],
    production,
    network: {
      cidr: env.network?.cidr ?? NETWORK_DEFAULTS.cidr,
      subnetMask: env.network?.subnetMask ?? NETWORK_DEFAULTS.subnetMask,
      // EKS nodes live in private subnets and pull images through NAT, so a cluster needs one.
      natGateways:
        env.network?.natGateways ?? (runtime === 'eks' ? Math.max(1, stage.natGateways) : stage.natGateways),
      flowLogRetentionDays: env.network?.flowLogRetentionDays ?? logRetentionDays,
      peerCidrs: [...(env.network?.peerCidrs ?? [])],
    },
    capacity,
    ...(env.domain === undefined
      ? {}
      : { domain: { name: env.domain.name, certificateArn: env.domain.certificateArn } }),
    ...(edge === undefined ? {} : { edge }),
    ingress: ingressChoice.ingress,
    ingressChoice,
    databases: Object.entries(config.databases ?? {}).map(([databaseName, database]) =>
      resolveDatabase(config.app, databaseName, database, env.databases?.[databaseName], production),
    ),
    caches: Object.entries(config.caches ?? {}).map(([cacheName, cache]) =>
      resolveCache(cacheName, cache, env.caches?.[cacheName], production),
    ),
    tables: Object.entries(config.tables ?? {}).map(([tableName, table]) =>
      resolveTable(config.app, name, tableName, table, production),
    ),
    // Only when declared, so the models of apps without functions stay as they were.
    ...(config.functions === undefined || Object.keys(config.functions).length === 0
      ? {}
      : {
          functions: Object.entries(config.functions).map(([fnName, fn]) =>
            resolveFunction(config.app, name, fnName, fn, configDir),
          ),
        }),
    ...(config.topics === undefined || Object.keys(config.topics).length === 0
      ? {}
      : { topics: Object.keys(config.topics).map((topic) => resolveTopic(config.app, name, topic)) }),
    ...(config.queues === undefined || Object.keys(config.queues).length === 0
      ? {}
      : {
          queues: Object.entries(config.queues).map(([queueName, queue]) =>
            resolveQueue(config.app, name, queueName, queue, queueReader(config.functions, queueName)),
          ),
        }),
    ...(auth === undefined ? {} : { auth }),
    services,
    runtime,
    ...(runtime === 'eks' ? { eks: resolveEks(config, env, { production, capacity }) } : {}),
    secrets: resolveSecrets(config.secrets, env.secrets),
    logRetentionDays,
    encryption: env.encryption ?? 'aws-managed',
    usage: { ...USAGE_DEFAULTS, ...defined(config.usage), ...defined(env.usage) },
    observability: resolveObservability(config.observability, env.observability, production),
    stackNames: {
      network: layerStackName(config.app, name, 'network'),
      data: layerStackName(config.app, name, 'data'),
      runtime: layerStackName(config.app, name, runtime === 'eks' ? 'cluster' : 'runtime'),
      ...(Object.keys(config.functions ?? {}).length +
        Object.keys(config.topics ?? {}).length +
        Object.keys(config.queues ?? {}).length >
      0
        ? { functions: layerStackName(config.app, name, 'functions') }
        : {}),
      ...(edge === undefined ? {} : { edge: layerStackName(config.app, name, 'edge') }),
      // On EKS services are Kubernetes objects in the GitOps folder, not stacks.
      services:
        runtime === 'eks'
          ? {}
          : Object.fromEntries(
              services.map((service) => [service.name, serviceStackName(config.app, name, service.name)]),
            ),
    },
  };
  // Decided on the resolved environment: whether there is anything to watch depends on most of it.
  return needsMonitoringStack(resolved)
    ? {
        ...resolved,
        stackNames: { ...resolved.stackNames, monitoring: layerStackName(config.app, name, 'monitoring') },
      }
    : resolved;
}
