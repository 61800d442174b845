import * as ecs from 'aws-cdk-lib/aws-ecs';
import { acknowledge } from '../../../../checks/acknowledge.js';
import {
  DATADOG_AGENT_IMAGE,
  FLUENT_BIT_IMAGE,
  telemetryImageRef,
} from '../../../../config/data/telemetry-images.js';
import type { DatadogModel } from '../../../../model/observability.js';
import { DATADOG_AGENT_MEMORY_MIB, LOG_ROUTER_MEMORY_MIB } from '../../../../model/telemetry-sidecar.js';
import type { TelemetryContext, TelemetrySidecar } from './telemetry-context.js';
import { telemetrySecret } from './telemetry-secret.js';

/** Memory each reserves inside the task, and may reach in a burst (twice that). */
const AGENT_MEMORY = { reservation: DATADOG_AGENT_MEMORY_MIB, limit: DATADOG_AGENT_MEMORY_MIB * 2 };
const ROUTER_MEMORY = { reservation: LOG_ROUTER_MEMORY_MIB, limit: LOG_ROUTER_MEMORY_MIB * 2 };

/**
 * Datadog's HTTP log intake for a site: `http-intake.logs.<site>`. Every site has its own; the US
 * one (`http-intake.logs.datadoghq.com`), which most examples show, refuses an EU key, so logs of
 * a `datadoghq.eu` organisation sent there would be lost without an error in the task.
 */
export function datadogLogIntake(site: string): string {
  return `http-intake.logs.${site}`;
}

/**
 * Provider 'datadog': the Datadog agent beside the app (metrics of the task's containers, and
 * OTLP ingest on localhost for the app's traces and metrics), and a FireLens log router (AWS for
 * Fluent Bit) that sends the app's stdout to the site's log intake. Both read the API key from the
 * declared secret. The app gets Datadog's unified service tags (`DD_ENV`, `DD_SERVICE`,
 * `DD_VERSION`, and the same as `com.datadoghq.tags.*` docker labels) so its traces, metrics and
 * logs meet under one service.
 *
 * Why these few containers and not `datadog-cdk-constructs-v2`: the construct library picks the
 * agent and router images by moving tags (`latest`, `stable`), which Slipway refuses
 * (Slipway-OBS3), and adds settings Slipway would have to undo; three container definitions with
 * pinned images are simpler to read and to test.
 *
 * The agent is not essential: when it stops, the app keeps serving and telemetry is lost. The
 * router is, as AWS advises: without it the app's log driver has nowhere to write.
 * Cost: Datadog's per-host (per-task) infrastructure and APM prices, billed by Datadog
 * (`cost/pricers/datadog-tasks.ts`); both containers run in the task's own memory.
 */
export function datadogAgent(
  context: TelemetryContext,
  datadog: DatadogModel,
  field: string,
): TelemetrySidecar {
  const { taskDefinition, logGroup, environment: env, service } = context;
  const apiKey = telemetrySecret(context, datadog.apiKeySecret, field);
  // Before the app container: CDK adds a router of its own, by a moving tag, to a task whose
  // container logs to FireLens without one.
  const router = taskDefinition.addFirelensLogRouter('LogRouter', {
    containerName: 'log-router',
    image: ecs.ContainerImage.fromRegistry(telemetryImageRef(FLUENT_BIT_IMAGE)),
    firelensConfig: {
      type: ecs.FirelensLogRouterType.FLUENTBIT,
      options: { enableECSLogMetadata: true },
    },
    essential: true,
    memoryReservationMiB: ROUTER_MEMORY.reservation,
    memoryLimitMiB: ROUTER_MEMORY.limit,
    logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'log-router' }),
  });
  const tags = { env: env.name, service: service.name, version: service.image.tag };
  acknowledge(
    taskDefinition,
    'CT.ECS.PR.3',
    "The FireLens log router and the Datadog agent run as root, as their images and Datadog's own " +
      "ECS module run them (the router creates ECS's log socket, the agent reads the task's metadata " +
      "as its image's init expects); the app container runs as the service's non-root user.",
  );
  acknowledge(
    taskDefinition,
    'CT.ECS.PR.6',
    "The FireLens log router writes the configuration ECS generates for it, and the Datadog agent's " +
      'init writes its configuration under /etc/datadog-agent at start; the app container keeps its ' +
      'read-only root with writable task-storage paths only.',
  );
  return {
    appEnvironment: {
      DD_ENV: tags.env,
      DD_SERVICE: tags.service,
      DD_VERSION: tags.version,
    },
    appDockerLabels: {
      'com.datadoghq.tags.env': tags.env,
      'com.datadoghq.tags.service': tags.service,
      'com.datadoghq.tags.version': tags.version,
    },
    appLogging: ecs.LogDrivers.firelens({
      options: {
        Name: 'datadog',
        Host: datadogLogIntake(datadog.site),
        TLS: 'on',
        provider: 'ecs',
        dd_service: tags.service,
        dd_source: service.name,
        dd_tags: `env:${tags.env},version:${tags.version}`,
        retry_limit: '2',
      },
      secretOptions: { apikey: apiKey },
    }),
    attach(app) {
      const agent = taskDefinition.addContainer('DatadogAgent', {
        containerName: 'datadog-agent',
        image: ecs.ContainerImage.fromRegistry(telemetryImageRef(DATADOG_AGENT_IMAGE)),
        environment: {
          ECS_FARGATE: 'true',
          DD_SITE: datadog.site,
          DD_ENV: tags.env,
          DD_APM_ENABLED: 'true',
          // OTLP from the app's SDK, on localhost only: the task's containers share it.
          DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_HTTP_ENDPOINT: 'localhost:4318',
          DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_GRPC_ENDPOINT: 'localhost:4317',
          DD_OTLP_CONFIG_TRACES_ENABLED: 'true',
          DD_OTLP_CONFIG_METRICS_ENABLED: 'true',
        },
        secrets: { DD_API_KEY: apiKey },
        essential: false,
        memoryReservationMiB: AGENT_MEMORY.reservation,
        memoryLimitMiB: AGENT_MEMORY.limit,
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'datadog-agent' }),
      });
      app.addContainerDependencies(
        { container: router, condition: ecs.ContainerDependencyCondition.START },
        { container: agent, condition: ecs.ContainerDependencyCondition.START },
      );
    },
  };
}
