/**
 * Lambda functions: names Lambda accepts, an entry that exists, sizes inside Lambda's limits, and
 * tables (to use, or whose stream calls the function) that the config declares with what is needed.
 */
import { statSync } from 'node:fs';
import type { FunctionConfig, SlipwayConfig } from '../schema.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { tableVariable } from '../../model/service-tables.js';
import type { Validator } from './context.js';
import { type ResourceNameRule, resourceNameIssues, undeclaredIssues } from './named-resources.js';

/** Lambda's limit on a function's name, `<app>-<env>-<name>`. */
const FUNCTION_NAME_RULE: ResourceNameRule = {
  kind: 'function',
  service: 'Lambda',
  maxLength: 64,
  example: 'notify',
};
const HANDLER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ENTRY_EXTENSIONS = ['.ts', '.mts'];
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const SENSITIVE = /PASSWORD|SECRET|TOKEN|KEY/i;
/** Variables the Lambda runtime sets itself and refuses in a function's configuration. */
const RESERVED_VARIABLES = /^(AWS_|LAMBDA_|_HANDLER$|_X_AMZN_TRACE_ID$|TZ$)/;
/** Lambda's ranges (memory in MB, timeout in seconds, records per DynamoDB stream batch). */
const MEMORY = { min: 128, max: 10_240 };
const TIMEOUT = { min: 1, max: 900 };
const BATCH = { min: 1, max: 10_000 };
/** Filters per event source mapping without a quota increase, and characters per pattern. */
const MAX_FILTERS = 5;
const MAX_PATTERN_CHARS = 4096;

export const validateFunctions: Validator = ({ config, model }) => {
  const declared = Object.keys(config.tables ?? {});
  const issues: ConfigIssue[] = [];
  for (const [name, fn] of Object.entries(config.functions ?? {})) {
    const at = (...field: (string | number)[]) => joinPath('functions', name, ...field);
    issues.push(
      ...resourceNameIssues(
        FUNCTION_NAME_RULE,
        name,
        at(),
        config.app,
        model.environments.map((e) => e.name),
      ),
    );
    issues.push(
      ...checkEntry(fn, at('entry'), model.environments[0]?.functions?.find((f) => f.name === name)?.entry),
    );
    if (fn.handler !== undefined && !HANDLER.test(fn.handler)) {
      issues.push(
        issue(
          at('handler'),
          `'${fn.handler}' is not an export name`,
          "name the exported function, e.g. 'handler'",
        ),
      );
    }
    issues.push(...inRange(at('memory'), fn.memory, MEMORY, 'MB of memory', 'memory: 256'));
    issues.push(
      ...inRange(at('timeoutSeconds'), fn.timeoutSeconds, TIMEOUT, 'seconds', 'timeoutSeconds: 30'),
    );
    if (fn.reservedConcurrency !== undefined && fn.reservedConcurrency < 1) {
      issues.push(
        issue(
          at('reservedConcurrency'),
          `${fn.reservedConcurrency} concurrent calls would stop the function from ever running`,
          'reserve 1 or more, or remove reservedConcurrency to share the account pool',
        ),
      );
    }
    issues.push(...checkVariables(fn, at));
    for (const table of Object.keys(fn.tables ?? {})) {
      issues.push(...unknownTable(table, declared, at('tables', table)));
    }
    if (fn.events !== undefined) issues.push(...checkEvents(fn.events, config, at));
  }
  for (const env of model.environments) {
    const messaging = (env.functions ?? []).length + (env.topics ?? []).length + (env.queues ?? []).length;
    if (messaging > 0 && env.runtime === 'eks') {
      issues.push(
        issue(
          joinPath('environments', env.name, 'runtime'),
          "functions, topics and queues are built for ECS environments only: their alarms notify the runtime stack's alarm topic, which an EKS environment does not have yet",
          `run '${env.name}' on 'ecs', or remove functions, topics and queues`,
        ),
      );
    }
  }
  return issues;
};

/** The entry is resolved against the config's folder; synth bundles it, so it must be there now. */
function checkEntry(fn: FunctionConfig, path: string, resolved: string | undefined): ConfigIssue[] {
  if (!ENTRY_EXTENSIONS.some((extension) => fn.entry.endsWith(extension))) {
    return [
      issue(
        path,
        `'${fn.entry}' is not a TypeScript file`,
        "point it at the handler's .ts file, e.g. 'functions/notify.ts'",
      ),
    ];
  }
  const found = resolved === undefined ? undefined : statSync(resolved, { throwIfNoEntry: false });
  if (found?.isFile() === true) return [];
  return [
    issue(
      path,
      `no file at '${fn.entry}' (looked for ${resolved ?? fn.entry})`,
      "correct the path, relative to the config file's folder, or create the handler there",
    ),
  ];
}

function inRange(
  path: string,
  value: number | undefined,
  range: { readonly min: number; readonly max: number },
  unit: string,
  example: string,
): ConfigIssue[] {
  if (value === undefined || (value >= range.min && value <= range.max)) return [];
  return [
    issue(
      path,
      `${value} is outside Lambda's ${range.min}–${range.max} ${unit}`,
      `set it within that range, e.g. ${example}`,
    ),
  ];
}

function checkVariables(fn: FunctionConfig, at: (...field: string[]) => string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const tableVariables = new Set(Object.keys(fn.tables ?? {}).map(tableVariable));
  for (const name of Object.keys(fn.environment ?? {})) {
    const path = at('environment', name);
    if (!VARIABLE_NAME.test(name)) {
      issues.push(
        issue(
          path,
          `'${name}' is not a variable name Lambda accepts`,
          'use letters, digits and underscores, starting with a letter',
        ),
      );
    } else if (RESERVED_VARIABLES.test(name)) {
      issues.push(issue(path, `'${name}' is set by the Lambda runtime, which refuses it here`, 'rename it'));
    }
    if (SENSITIVE.test(name)) {
      issues.push(
        issue(
          path,
          `'${name}' looks like a credential, and plain environment variables are readable by anyone who may read the function's configuration`,
          'remove it: functions do not read declared secrets yet, so read it from SSM or Secrets Manager in the handler',
        ),
      );
    }
    if (tableVariables.has(name)) {
      issues.push(issue(path, `${name} is set by Slipway to a table's name`, 'remove it from environment'));
    }
  }
  return issues;
}

/** A stream source: a declared table, with a stream. */
function checkStream(
  name: string,
  config: SlipwayConfig,
  at: (...field: (string | number)[]) => string,
): ConfigIssue[] {
  const issues = unknownTable(name, Object.keys(config.tables ?? {}), at('events', 'table'));
  const table = config.tables?.[name];
  if (table !== undefined && table.stream === undefined) {
    issues.push(
      issue(
        at('events', 'table'),
        `the '${name}' table has no stream for the function to read`,
        `set tables.${name}.stream, e.g. stream: 'new-image'`,
      ),
    );
  }
  return issues;
}

/** A queue a function or a service names must be declared. */
export function unknownQueue(queue: string, declared: readonly string[], path: string): ConfigIssue[] {
  return undeclaredIssues('queue', queue, declared, path, `queues: { ${queue}: {} }`);
}

/** A topic a function or a service names must be declared. */
export function unknownTopic(topic: string, declared: readonly string[], path: string): ConfigIssue[] {
  return undeclaredIssues('topic', topic, declared, path, `topics: { '${topic}': {} }`);
}

function unknownTable(table: string, declared: readonly string[], path: string): ConfigIssue[] {
  return undeclaredIssues(
    'table',
    table,
    declared,
    path,
    `tables: { ${table}: { partitionKey: { name: 'pk' }, stream: 'new-image' } }`,
  );
}

function checkEvents(
  events: NonNullable<FunctionConfig['events']>,
  config: SlipwayConfig,
  at: (...field: (string | number)[]) => string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const named = (['table', 'topic', 'queue'] as const).filter((source) => events[source] !== undefined);
  if (named.length !== 1) {
    issues.push(
      issue(
        at('events'),
        named.length === 0
          ? 'names neither a table, a topic nor a queue to be called by'
          : `names ${named.length === 2 ? 'both ' : ''}${named.map((source) => `a ${source}`).join(' and ')}; an event source reads one of them`,
        "keep one: events: { table: 'orders' } for a table's stream, events: { topic: 'order-events' } for a topic, or events: { queue: 'jobs' } for a queue",
      ),
    );
  }
  if (events.table !== undefined) issues.push(...checkStream(events.table, config, at));
  if (events.topic !== undefined) {
    issues.push(...unknownTopic(events.topic, Object.keys(config.topics ?? {}), at('events', 'topic')));
  }
  if (events.queue !== undefined) {
    issues.push(...unknownQueue(events.queue, Object.keys(config.queues ?? {}), at('events', 'queue')));
  }
  if (events.table === undefined && events.startingPosition !== undefined) {
    issues.push(
      issue(
        at('events', 'startingPosition'),
        events.topic === undefined
          ? 'a queue has no position to start from: its reader gets every message not yet deleted'
          : "a topic's messages are read from the function's queue, which has no position to start from",
        'remove startingPosition',
      ),
    );
  }
  issues.push(
    ...inRange(at('events', 'batchSize'), events.batchSize, BATCH, 'records per batch', 'batchSize: 100'),
  );
  const filters = events.filters ?? [];
  if (filters.length > MAX_FILTERS) {
    issues.push(
      issue(
        at('events', 'filters'),
        `${filters.length} filters; an event source takes ${MAX_FILTERS} without a quota increase`,
        'merge patterns: one pattern may list several values for a field',
      ),
    );
  }
  filters.forEach((filter, i) => {
    const chars = JSON.stringify(filter).length;
    if (Object.keys(filter).length === 0) {
      issues.push(
        issue(
          at('events', 'filters', i),
          'an empty pattern matches every record',
          "name the fields to match, e.g. { eventName: ['INSERT'] }, or remove it",
        ),
      );
    } else if (chars > MAX_PATTERN_CHARS) {
      issues.push(
        issue(
          at('events', 'filters', i),
          `the pattern has ${chars} characters; Lambda allows ${MAX_PATTERN_CHARS}`,
          'shorten it',
        ),
      );
    }
  });
  return issues;
}
