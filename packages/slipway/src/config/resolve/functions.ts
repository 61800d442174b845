import path from 'node:path';
import type { FunctionEventsModel, FunctionModel, QueueModel, TopicModel } from '../../model/functions.js';
import type { FunctionConfig, QueueConfig } from '../schema.js';

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
  queueBatchSize: 10,
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

/** A stream source when the config names a table, then a topic, then a queue (validation asks for one). */
function resolveEvents(events: NonNullable<FunctionConfig['events']>): FunctionEventsModel {
  const filters = [...(events.filters ?? [])];
  if (events.table === undefined && events.topic === undefined && events.queue !== undefined) {
    return { queue: events.queue, batchSize: events.batchSize ?? FUNCTION_DEFAULTS.queueBatchSize, filters };
  }
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

/** What a queue gets when the config does not say. */
export const QUEUE_DEFAULTS = {
  // SQS's own default; the oldest message the failure alarm still finds in time.
  retentionDays: 4,
  // As for a topic's inbox: a message that fails five receives is not going to pass on the sixth.
  maxReceiveCount: 5,
  // SQS's default visibility, for a queue no function reads.
  visibilityTimeoutSeconds: 30,
  // Lambda asks for a source queue's visibility to be six times the function's timeout, so a
  // message is not handed out again while a throttled call may still be retrying it.
  visibilityPerTimeout: 6,
} as const;

/**
 * A declared queue as an environment makes it; its visibility, when the config leaves it out, is
 * six times the timeout of the function that reads it (`reader`).
 */
export function resolveQueue(
  app: string,
  env: string,
  name: string,
  queue: QueueConfig,
  reader: FunctionConfig | undefined,
): QueueModel {
  const readerTimeout = reader && (reader.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds);
  return {
    name,
    queueName: `${app}-${env}-${name}`,
    visibilityTimeoutSeconds:
      queue.visibilityTimeoutSeconds ??
      (readerTimeout === undefined
        ? QUEUE_DEFAULTS.visibilityTimeoutSeconds
        : readerTimeout * QUEUE_DEFAULTS.visibilityPerTimeout),
    retentionDays: queue.retentionDays ?? QUEUE_DEFAULTS.retentionDays,
    maxReceiveCount: queue.maxReceiveCount ?? QUEUE_DEFAULTS.maxReceiveCount,
  };
}

/** The function whose events name the queue (the first, should the config name it twice). */
export function queueReader(
  functions: Readonly<Record<string, FunctionConfig>> | undefined,
  queue: string,
): FunctionConfig | undefined {
  return Object.values(functions ?? {}).find((fn) => fn.events?.queue === queue);
}

/** A declared topic as an environment makes it. */
export function resolveTopic(app: string, env: string, name: string): TopicModel {
  return { name, topicName: `${app}-${env}-${name}` };
}
