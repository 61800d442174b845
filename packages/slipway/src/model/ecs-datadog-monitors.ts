import type { DatadogModel } from './observability.js';
import { observabilityOf } from './observability.js';
import type { EnvironmentModel, SecretModel } from './types.js';

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

/**
 * How one declared secret reaches the type's configuration: a CloudFormation dynamic reference,
 * which CloudFormation resolves when the handler runs, so no key is written anywhere. Undefined
 * when no secret of that name is declared.
 */
export function secretReference(secrets: readonly SecretModel[], name: string): string | undefined {
  const secret = secrets.find((s) => s.name === name);
  if (secret === undefined) return undefined;
  return secret.source === 'ssm'
    ? `{{resolve:ssm-secure:${secret.path}}}`
    : `{{resolve:secretsmanager:${secret.path}:SecretString}}`;
}
