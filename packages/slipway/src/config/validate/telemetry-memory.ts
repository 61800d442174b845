/**
 * A traced ECS service's task holds the app and its telemetry sidecar (the ADOT or OpenTelemetry
 * collector, or the Datadog agent and log router): refuse a task whose memory leaves the app less
 * than it needs once the sidecar has its share, rather than let the app be killed for memory.
 */
import { describeMemoryChoices, memoryChoices } from '../data/fargate-sizes.js';
import { issue } from '../errors.js';
import {
  MIN_APP_MEMORY_MIB,
  telemetrySidecarMemory,
  telemetrySidecarProvider,
} from '../../model/telemetry-sidecar.js';
import { eachService, servicePath, type Validator } from './context.js';

const SIDECARS = {
  cloudwatch: 'the ADOT collector',
  elastic: 'the OpenTelemetry collector',
  datadog: 'the Datadog agent and its log router',
} as const;

export const validateTelemetryMemory: Validator = ({ config, model }) =>
  eachService(model, (env, service) => {
    const provider = telemetrySidecarProvider(env);
    if (env.runtime === 'eks' || provider === undefined) return [];
    const sidecar = telemetrySidecarMemory(env);
    const needed = sidecar + MIN_APP_MEMORY_MIB;
    // A size Fargate refuses anyway is named by the task size check; one issue per field is enough.
    const choices = memoryChoices(service.cpu);
    if (service.memory >= needed || !choices?.includes(service.memory)) return [];
    const fitting = choices.filter((memory) => memory >= needed);
    return [
      issue(
        servicePath(config, env.name, service.name, 'memory'),
        `${service.memory} MiB cannot hold the app (at least ${MIN_APP_MEMORY_MIB} MiB) and ${SIDECARS[provider]} ` +
          `(${sidecar} MiB), which every task of ${env.name} runs for observability.provider '${provider}'`,
        fitting.length > 0
          ? `use ${describeMemoryChoices(fitting)} with cpu ${service.cpu}`
          : `raise cpu so the task can have ${needed} MiB or more`,
      ),
    ];
  });
