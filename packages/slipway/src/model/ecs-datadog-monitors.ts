import type { DatadogModel } from './observability.js';
import { observabilityOf } from './observability.js';
import type { EnvironmentModel } from './types.js';

/** Datadog settings that keep monitors: an application key is named. */
export type DatadogMonitorsModel = DatadogModel & { readonly appKeySecret: string };

/**
 * The Datadog settings an ECS environment's monitors are made with, or undefined when it gets
 * none: only on ECS (EKS keeps its monitors as DatadogMonitor objects, decision 017), only with
 * provider 'datadog' and an application key, and only when there is a service to watch.
 */
export function ecsDatadogMonitors(
  env: Pick<EnvironmentModel, 'runtime' | 'observability' | 'production' | 'services'>,
): DatadogMonitorsModel | undefined {
  if (env.runtime === 'eks' || env.services.length === 0) return undefined;
  const observability = observabilityOf(env);
  const datadog = observability.provider === 'datadog' ? observability.datadog : undefined;
  if (datadog?.appKeySecret === undefined) return undefined;
  return { ...datadog, appKeySecret: datadog.appKeySecret };
}
