import type { FunctionModel } from '../model/functions.js';
import { tableVariables } from '../model/service-tables.js';
import type { EnvironmentModel } from '../model/types.js';
import { DevError } from './dev-error.js';
import type { DevFunctionInfo, DevReporter } from './events.js';
import { checkFilterPattern } from './filter-pattern.js';
import { type LocalAws, localAwsVariables } from './local-aws.js';
import type { LocalQueue } from './local-queues.js';
import type { LocalTable } from './local-tables.js';
import { QueueSource } from './queue-source.js';
import { StreamSource } from './stream-source.js';

/** The functions a local run feeds, and how to stop feeding them. */
export interface LocalFunctions {
  readonly functions: readonly DevFunctionInfo[];
  stop(): Promise<void>;
}

/**
 * Starts a stream source for every function a table's stream calls and a queue source for every
 * function a declared queue calls. Functions fed by a topic, and functions nothing calls, are
 * reported as not running locally. A filter this loop cannot apply stops the run before anything
 * is read, naming the pattern.
 */
export function startLocalFunctions(
  env: EnvironmentModel,
  tables: readonly LocalTable[],
  aws: LocalAws,
  inherited: Readonly<Record<string, string>>,
  report: DevReporter,
  queues: readonly LocalQueue[] = [],
): LocalFunctions {
  const functions = env.functions ?? [];
  const queueFed = functions.flatMap((fn) => {
    const events = fn.events;
    if (events === undefined || !('queue' in events)) return [];
    const queue = queues.find((q) => q.name === events.queue);
    if (queue === undefined) {
      report({
        kind: 'function-skipped',
        function: fn.name,
        reason: `functions.${fn.name} reads queue ${events.queue}, which is not on a local emulator, so it does not run here`,
      });
      return [];
    }
    return [{ fn, events, queue }];
  });
  const fed = functions.flatMap((fn) => {
    const events = fn.events;
    if (events === undefined) {
      report({
        kind: 'function-skipped',
        function: fn.name,
        reason: `functions.${fn.name} has no events, so nothing calls it locally (nor in the cloud, except a direct invoke)`,
      });
      return [];
    }
    if ('queue' in events) return [];
    if (!('table' in events)) {
      report({
        kind: 'function-skipped',
        function: fn.name,
        reason: `functions.${fn.name} is fed by topic ${events.topic}; topics are not delivered locally, so it does not run here (a table's stream or a queue is)`,
      });
      return [];
    }
    const table = tables.find((t) => t.name === events.table);
    if (table?.streamArn === undefined) {
      throw new DevError(
        `functions.${fn.name}.events.table: table ${events.table} has no stream on the local emulator`,
        `set tables.${events.table}.stream (for example 'new-image'); a table made before the stream was declared must be deleted from the emulator (\`slipway local reset\`)`,
      );
    }
    return [{ fn, events, streamArn: table.streamArn }];
  });
  const sources: { stop(): Promise<void> }[] = [
    ...fed.map(
      ({ fn, events, streamArn }) =>
        new StreamSource({
          fn,
          events,
          streamArn,
          aws,
          env: functionEnvironment(env, fn, aws, inherited),
          report,
        }),
    ),
    ...queueFed.map(
      ({ fn, events, queue }) =>
        new QueueSource({
          fn,
          events,
          queue,
          aws,
          env: functionEnvironment(env, fn, aws, inherited),
          report,
        }),
    ),
  ];
  const infos: DevFunctionInfo[] = [
    ...fed.map(({ fn, events }) => ({ name: fn.name, table: events.table })),
    ...queueFed.map(({ fn, events }) => ({ name: fn.name, queue: events.queue })),
  ];
  for (const info of infos) report({ kind: 'function-watching', function: info });
  return {
    functions: infos,
    stop: async () => {
      await Promise.all(sources.map((s) => s.stop()));
    },
  };
}

/**
 * Refuses a filter this loop cannot apply, before anything starts, naming the pattern: a pattern
 * it misread would drop every record without a word.
 */
export function checkLocalFilters(env: EnvironmentModel): void {
  const problems = (env.functions ?? []).flatMap((fn) =>
    (fn.events?.filters ?? []).flatMap((pattern, i) =>
      checkFilterPattern(pattern, `functions.${fn.name}.events.filters[${i}]`),
    ),
  );
  if (problems.length > 0) {
    throw new DevError(
      problems.join('; '),
      'use the conditions Lambda event filtering documents (values, prefix, suffix, equals-ignore-case, anything-but, numeric, exists, $or), or remove the filter',
    );
  }
}

/**
 * What a handler's process gets: the shell's variables (PATH for Node), the function's own
 * variables and `TABLE_<NAME>` ones as the functions stack sets them, Lambda's descriptive
 * variables, and the emulator's DynamoDB endpoint with dummy keys.
 */
export function functionEnvironment(
  env: EnvironmentModel,
  fn: FunctionModel,
  aws: LocalAws,
  inherited: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    ...inherited,
    ...fn.environment,
    ...tableVariables(env, fn),
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    ...localAwsVariables(aws),
  };
}
