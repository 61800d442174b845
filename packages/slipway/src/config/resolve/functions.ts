import path from 'node:path';
import type { FunctionEventsModel, FunctionModel, TopicModel } from '../../model/functions.js';
import type { FunctionConfig } from '../schema.js';

/** What a function gets when the config does not say. */
export const FUNCTION_DEFAULTS = {
  handler: 'handler',
  // Twice Lambda's floor: a Node handler with the AWS SDK starts markedly faster, for cents.
  memoryMb: 256,
  timeoutSeconds: 30,
  architecture: 'arm64',
  batchSize: 100,
  // Lambda's own default for queues; more needs a batching window.
  topicBatchSize: 10,
  // A source created after its table still sees the records already written (the last 24 hours).
  startingPosition: 'trim-horizon',
} as const;

/** A declared function as an environment makes it: named `<app>-<env>-<name>`, its entry made absolute. */
export function resolveFunction(
  app: string,
  env: string,
  name: string,
  fn: FunctionConfig,
  configDir: string,
): FunctionModel {
  return {
    name,
    functionName: `${app}-${env}-${name}`,
    entry: path.resolve(configDir, fn.entry),
    handler: fn.handler ?? FUNCTION_DEFAULTS.handler,
    memoryMb: fn.memory ?? FUNCTION_DEFAULTS.memoryMb,
    timeoutSeconds: fn.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds,
    architecture: fn.architecture ?? FUNCTION_DEFAULTS.architecture,
    ...(fn.reservedConcurrency === undefined ? {} : { reservedConcurrency: fn.reservedConcurrency }),
    environment: { ...fn.environment },
    tables: { ...fn.tables },
    ...(fn.events === undefined ? {} : { events: resolveEvents(fn.events) }),
  };
}

/** A stream source when the config names a table, otherwise a topic (validation asks for one of the two). */
function resolveEvents(events: NonNullable<FunctionConfig['events']>): FunctionEventsModel {
  const filters = [...(events.filters ?? [])];
  if (events.table !== undefined || events.topic === undefined) {
    return {
      table: events.table ?? '',
      batchSize: events.batchSize ?? FUNCTION_DEFAULTS.batchSize,
      filters,
      startingPosition: events.startingPosition ?? FUNCTION_DEFAULTS.startingPosition,
    };
  }
  return { topic: events.topic, batchSize: events.batchSize ?? FUNCTION_DEFAULTS.topicBatchSize, filters };
}

/** A declared topic as an environment makes it. */
export function resolveTopic(app: string, env: string, name: string): TopicModel {
  return { name, topicName: `${app}-${env}-${name}` };
}
