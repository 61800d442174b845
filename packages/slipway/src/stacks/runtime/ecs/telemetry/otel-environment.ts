import { OTLP_HTTP_PORT, otelEnvironment as otelVariables } from '../../../../model/otel-environment.js';
import type { EnvironmentModel, ServiceModel } from '../../../../model/types.js';

/** Where every provider's sidecar takes OTLP over HTTP: the task shares one network namespace. */
export const OTLP_HTTP_ENDPOINT = `http://localhost:${OTLP_HTTP_PORT}`;

/** The OpenTelemetry variables (`model/otel-environment.ts`) pointing at the task's sidecar. */
export function otelEnvironment(env: EnvironmentModel, service: ServiceModel): Record<string, string> {
  return otelVariables(env, service, OTLP_HTTP_ENDPOINT);
}
