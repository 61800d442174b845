import type { IEnvVar } from 'kubernetes-models/v1';
import { observabilityOf } from '../model/observability.js';
import { OTLP_HTTP_PORT, otelEnvironment } from '../model/otel-environment.js';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';

/** The variable the node's IP reaches a pod in, through the downward API. */
export const HOST_IP_VARIABLE = 'HOST_IP';

/**
 * Whether the environment's services send traces to the Datadog agent of their node: the provider
 * is Datadog (whose settings the cluster's agent runs with) and `observability.tracing` is on. An
 * `eks.datadog` block under another provider runs the agent for logs and metrics only, as the
 * provider decides where traces go and no other provider listens on the nodes.
 */
export function tracesToNodeAgent(env: EnvironmentModel): boolean {
  const observability = observabilityOf(env);
  return env.eks?.datadog !== undefined && observability.provider === 'datadog' && observability.tracing;
}

/**
 * The container variables that send a service's OpenTelemetry to the Datadog agent on its node,
 * or none when the environment does not trace there. The agent takes OTLP on a host port, so the
 * endpoint is the node's IP, read from the downward API into `HOST_IP` first: Kubernetes expands
 * `$(HOST_IP)` only from a variable listed before it. The other variables are the ones ECS tasks
 * get (`model/otel-environment.ts`), so a service reports under the same names on either runtime.
 * `service.version` is the image tag the folder was written at: delivery rewrites the whole folder
 * at each release's tags (`slipway manifests`), so it moves with the image.
 */
export function nodeAgentOtelVariables(env: EnvironmentModel, service: ServiceModel): IEnvVar[] {
  if (!tracesToNodeAgent(env)) return [];
  const endpoint = `http://$(${HOST_IP_VARIABLE}):${OTLP_HTTP_PORT}`;
  return [
    { name: HOST_IP_VARIABLE, valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
    ...Object.entries(otelEnvironment(env, service, endpoint)).map(([name, value]) => ({ name, value })),
  ];
}
