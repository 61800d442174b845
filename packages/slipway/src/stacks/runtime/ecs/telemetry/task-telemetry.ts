import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { observabilityOf } from '../../../../model/observability.js';
import { telemetrySidecarMemory, telemetrySidecarProvider } from '../../../../model/telemetry-sidecar.js';
import { ModelError } from '../../../shared/model-error.js';
import { adotCollector } from './adot-collector.js';
import { datadogAgent } from './datadog-agent.js';
import { elasticCollector } from './elastic-collector.js';
import { otelEnvironment } from './otel-environment.js';
import type { TelemetryContext, TelemetrySidecar } from './telemetry-context.js';

/** What a service's app container takes from the telemetry sidecar of its task. */
export interface TaskTelemetry {
  /** OTLP variables and the provider's own. */
  readonly environment: Readonly<Record<string, string>>;
  readonly dockerLabels?: Readonly<Record<string, string>>;
  /** Replaces the app's CloudWatch Logs driver. @default none */
  readonly logging?: ecs.LogDriver;
  /** MiB the sidecar keeps; the app's hard limit is the task's memory less this. */
  readonly memoryMiB: number;
  /** Adds what follows the app container and makes the app start after the sidecar. */
  attach(app: ecs.ContainerDefinition): void;
}

/**
 * The sidecar a service's task runs for its environment's provider (see
 * `model/telemetry-sidecar.ts` for when), or undefined for none, so a task without one is exactly
 * as before. Call it before adding the app container: a Datadog task's log router must come first.
 */
export function taskTelemetry(context: TelemetryContext, path: string): TaskTelemetry | undefined {
  const env = context.environment;
  const provider = telemetrySidecarProvider(env);
  if (provider === undefined) return undefined;
  const observability = observabilityOf(env);
  const field = `environments.${env.name}.observability.${provider}.apiKeySecret`;
  let sidecar: TelemetrySidecar;
  if (provider === 'datadog') {
    if (observability.datadog === undefined) throw missingSettings(env.name, provider);
    sidecar = datadogAgent(context, observability.datadog, field);
  } else if (provider === 'elastic') {
    if (observability.elastic === undefined) throw missingSettings(env.name, provider);
    sidecar = elasticCollector(context, observability.elastic, field);
  } else {
    sidecar = adotCollector(context);
  }
  const environment = { ...otelEnvironment(env, context.service), ...sidecar.appEnvironment };
  for (const name of Object.keys(environment)) {
    // A secret by that name would be a second value for it, and one of the two would quietly win.
    const field =
      name in context.service.environment
        ? 'environment'
        : name in context.service.secrets
          ? 'secrets'
          : undefined;
    if (field !== undefined) {
      throw new ModelError(
        `${path}.${field}.${name}`,
        `${name} is set by Slipway for the service's telemetry sidecar`,
        `Remove it from ${field}; observability.provider and observability.tracing decide it.`,
      );
    }
  }
  return {
    environment,
    dockerLabels: sidecar.appDockerLabels,
    logging: sidecar.appLogging,
    memoryMiB: telemetrySidecarMemory(env),
    attach: (app) => sidecar.attach(app),
  };
}

function missingSettings(env: string, provider: 'datadog' | 'elastic'): ModelError {
  return new ModelError(
    `environments.${env}.observability.${provider}`,
    `the provider is '${provider}' but its settings are missing`,
    provider === 'datadog'
      ? 'Add observability.datadog with apiKeySecret and site.'
      : 'Add observability.elastic with endpoint and apiKeySecret.',
  );
}
