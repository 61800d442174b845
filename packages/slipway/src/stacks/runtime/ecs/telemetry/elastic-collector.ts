import * as ecs from 'aws-cdk-lib/aws-ecs';
import { OTEL_CONTRIB_COLLECTOR_IMAGE, telemetryImageRef } from '../../../../config/data/telemetry-images.js';
import type { ElasticModel } from '../../../../model/observability.js';
import { TELEMETRY_SIDECAR_MEMORY_MIB } from '../../../../model/telemetry-sidecar.js';
import type { TelemetryContext, TelemetrySidecar } from './telemetry-context.js';
import { telemetrySecret } from './telemetry-secret.js';

/** The uid the contrib image runs as; set explicitly so the task definition says it is not root. */
const COLLECTOR_USER = '10001';
/** The variable the collector reads its configuration from (`--config=env:…`). */
const CONFIG_VARIABLE = 'OTELCOL_CONFIG';
/** The variable ECS fills from the declared secret; the configuration names it, never its value. */
const API_KEY_VARIABLE = 'ELASTIC_API_KEY';

/**
 * Provider 'elastic': an OpenTelemetry collector beside the app that takes OTLP (traces, metrics
 * and logs) on localhost and exports it over OTLP/HTTP to `elastic.endpoint`, with the API key
 * from the declared secret in an `Authorization: ApiKey` header.
 *
 * Why the OpenTelemetry project's contrib collector and not Elastic's EDOT collector: Elastic's
 * managed OTLP endpoint and APM Server both take OTLP as it is, so nothing Elastic-specific has
 * to run in the task, and the contrib image is published per release with a multi-architecture
 * digest Slipway pins (`config/data/telemetry-images.ts`). EDOT's extra processors matter when a
 * collector writes to Elasticsearch directly, which Slipway does not do.
 *
 * The configuration travels in a plain variable (it holds no secret, only `${env:ELASTIC_API_KEY}`),
 * written as JSON, which YAML reads as it is. Not essential: when it stops, the app keeps serving.
 * Cost: billed by Elastic, not AWS; the collector runs in the task's own memory.
 */
export function elasticCollector(
  context: TelemetryContext,
  elastic: ElasticModel,
  field: string,
): TelemetrySidecar {
  const { taskDefinition, logGroup } = context;
  return {
    appEnvironment: {},
    attach(app) {
      const memory = TELEMETRY_SIDECAR_MEMORY_MIB.elastic;
      const limit = memory * 2;
      const collector = taskDefinition.addContainer('TelemetryCollector', {
        containerName: 'otel-collector',
        image: ecs.ContainerImage.fromRegistry(telemetryImageRef(OTEL_CONTRIB_COLLECTOR_IMAGE)),
        command: [`--config=env:${CONFIG_VARIABLE}`],
        environment: { [CONFIG_VARIABLE]: JSON.stringify(collectorConfig(elastic.endpoint, limit)) },
        secrets: { [API_KEY_VARIABLE]: telemetrySecret(context, elastic.apiKeySecret, field) },
        essential: false,
        user: COLLECTOR_USER,
        readonlyRootFilesystem: true,
        memoryReservationMiB: memory,
        memoryLimitMiB: limit,
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'otel-collector' }),
      });
      app.addContainerDependencies({
        container: collector,
        condition: ecs.ContainerDependencyCondition.START,
      });
    },
  };
}

/**
 * Receive OTLP on localhost only (the task's own containers), keep memory under the container's
 * limit (the limiter refuses data before the kernel would kill the collector), batch, export.
 */
export function collectorConfig(endpoint: string, memoryLimitMiB: number): Record<string, unknown> {
  const pipeline = {
    receivers: ['otlp'],
    processors: ['memory_limiter', 'batch'],
    exporters: ['otlphttp/elastic'],
  };
  return {
    receivers: {
      otlp: { protocols: { grpc: { endpoint: 'localhost:4317' }, http: { endpoint: 'localhost:4318' } } },
    },
    processors: {
      memory_limiter: {
        check_interval: '1s',
        limit_mib: Math.floor(memoryLimitMiB * 0.8),
        spike_limit_mib: Math.floor(memoryLimitMiB * 0.2),
      },
      batch: {},
    },
    exporters: {
      'otlphttp/elastic': {
        endpoint,
        headers: { Authorization: `ApiKey \${env:${API_KEY_VARIABLE}}` },
      },
    },
    service: { pipelines: { traces: pipeline, metrics: pipeline, logs: pipeline } },
  };
}
