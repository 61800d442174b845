import type { EnvironmentModel, ServiceModel } from './types.js';

/** The port every listener Slipway points a service at takes OTLP over HTTP on (the protocol's own). */
export const OTLP_HTTP_PORT = 4318;

/**
 * Production keeps one trace in ten (a trace whose caller already decided keeps that decision,
 * so a request is traced whole or not at all). At production volume every trace would cost more
 * than it tells: X-Ray charges per trace recorded, Datadog and Elastic per span ingested, and ten
 * percent still shows every path that is slow or failing more than rarely. Other stages trace
 * everything, as their traffic is small and usually the one request someone is looking at.
 */
export const PRODUCTION_TRACE_SAMPLE_RATIO = 0.1;

/**
 * The standard OpenTelemetry variables that point a service's SDK at whatever listens for it at
 * `endpoint` (a task's sidecar on ECS, the node's agent on EKS): the endpoint, the service's name,
 * and resource attributes naming the environment and the image tag as the version.
 * `deployment.environment.name` is the current semantic convention and `deployment.environment`
 * the older one, which X-Ray's and Datadog's older mappings still read, so both are set. The same
 * function serves both runtimes, so a service reports under the same names wherever it runs.
 */
export function otelEnvironment(
  env: EnvironmentModel,
  service: ServiceModel,
  endpoint: string,
): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_SERVICE_NAME: service.name,
    OTEL_RESOURCE_ATTRIBUTES: [
      `deployment.environment.name=${env.name}`,
      `deployment.environment=${env.name}`,
      `service.version=${service.image.tag}`,
    ].join(','),
    ...(env.production
      ? {
          OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
          OTEL_TRACES_SAMPLER_ARG: String(PRODUCTION_TRACE_SAMPLE_RATIO),
        }
      : {}),
  };
}
