import { ecsDatadogMonitors } from './ecs-datadog-monitors.js';
import { observabilityOf } from './observability.js';
import type { EnvironmentModel } from './types.js';
import { uptimePlan } from './uptime.js';

/** What the monitoring stack reads of an environment to decide whether it has anything to hold. */
export type WatchedEnvironment = Pick<
  EnvironmentModel,
  | 'production'
  | 'observability'
  | 'runtime'
  | 'services'
  | 'databases'
  | 'caches'
  | 'functions'
  | 'queues'
  | 'domain'
  | 'edge'
  | 'ingress'
>;

/**
 * Whether the environment gets a `<app>-<env>-monitoring` stack: a dashboard with something on it,
 * at alarm level 'all' a database, a cache or a load balancer to alarm on, uptime canaries, or
 * Datadog monitors of ECS services (decision 025). CloudFormation
 * rejects empty stacks, so an environment with nothing to watch gets none.
 */
export function needsMonitoringStack(env: WatchedEnvironment): boolean {
  const observability = observabilityOf(env);
  const ecs = env.runtime !== 'eks';
  const stores = env.databases.length + (env.caches ?? []).length;
  // On EKS services are Kubernetes objects and functions are not built: the data is all there is.
  const ecsOnly = ecs ? env.services.length + (env.functions ?? []).length + (env.queues ?? []).length : 0;
  const onDashboard = observability.dashboard && stores + ecsOnly > 0;
  // The load balancer's own alarms live here; behind an HTTP API each service's stack holds its alarms.
  const loadBalanced = ecs && env.ingress === 'load-balancer' && env.services.some((s) => s.public);
  const alarmed = observability.alarms === 'all' && (stores > 0 || loadBalanced);
  // Uptime canaries call the public services from here too (on EKS as well, through its domain).
  const canaries = uptimePlan(env).checks.length > 0;
  return onDashboard || alarmed || canaries || ecsDatadogMonitors(env) !== undefined;
}
