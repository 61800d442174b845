import type { EnvironmentModel, ServiceModel } from '../model/types.js';

/**
 * The labels that pick a service's pods. A Deployment's selector cannot change after creation,
 * so these come from the two names that never change for a service (its own and the app's),
 * never from a file path, an image tag or a construct path.
 */
export function selectorLabels(app: string, service: ServiceModel): Record<string, string> {
  return {
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/part-of': app,
  };
}

/** Labels on every object of a service: the selector labels, plus who writes the object. */
export function serviceLabels(app: string, service: ServiceModel): Record<string, string> {
  return { ...selectorLabels(app, service), 'app.kubernetes.io/managed-by': 'slipway' };
}

/** Labels on the environment's shared objects (namespace, secret stores, Argo CD Applications). */
export function appLabels(app: string): Record<string, string> {
  return { 'app.kubernetes.io/part-of': app, 'app.kubernetes.io/managed-by': 'slipway' };
}

/**
 * Datadog's unified service tags, where the Datadog agent runs: its logs and metrics of the pods
 * carry `env` and `service`, which the services' monitors and Datadog's service pages group by.
 * No `version`: the workflows change a service's image tag alone, so a version label would lag it.
 */
export function datadogServiceLabels(env: EnvironmentModel, service: ServiceModel): Record<string, string> {
  if (env.eks?.datadog === undefined) return {};
  return { 'tags.datadoghq.com/env': env.name, 'tags.datadoghq.com/service': service.name };
}
