/**
 * SQS queues: names SQS accepts, settings inside SQS's ranges, a visibility long enough for the
 * function that reads the queue, one reader per queue, and services that send only to queues the
 * config declares, without setting the `QUEUE_<NAME>` Slipway sets.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { FUNCTION_DEFAULTS, QUEUE_DEFAULTS } from '../resolve/functions.js';
import type { QueueConfig, SlipwayConfig } from '../schema.js';
import type { Validator } from './context.js';
import { unknownQueue } from './functions.js';
import { type ResourceNameRule, resourceNameIssues } from './named-resources.js';
import { queueVariable } from '../../model/service-queues.js';

/** The dead-letter queue is named `<app>-<env>-<name>-dead-letters`, and SQS allows 80 characters. */
const DEAD_LETTERS_SUFFIX = '-dead-letters';
const QUEUE_NAME_RULE: ResourceNameRule = {
  kind: 'queue',
  service: `SQS (80 characters, less ${DEAD_LETTERS_SUFFIX.length} for the dead-letter queue's '${DEAD_LETTERS_SUFFIX}')`,
  maxLength: 80 - DEAD_LETTERS_SUFFIX.length,
  example: 'jobs',
};

/** SQS's ranges: visibility in seconds (12 hours at most), retention in days, receives before the dead letters. */
const RANGES = {
  visibilityTimeoutSeconds: { min: 0, max: 43_200, unit: 'seconds of visibility', example: 180 },
  retentionDays: { min: 1, max: 14, unit: 'days of retention', example: 4 },
  maxReceiveCount: { min: 1, max: 1000, unit: 'receives', example: 5 },
} as const;

export const validateQueues: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const declared = Object.keys(config.queues ?? {});
  for (const [name, queue] of Object.entries(config.queues ?? {})) {
    issues.push(
      ...resourceNameIssues(
        QUEUE_NAME_RULE,
        name,
        joinPath('queues', name),
        config.app,
        model.environments.map((env) => env.name),
      ),
    );
    issues.push(...rangeIssues(name, queue));
    issues.push(...readerIssues(name, queue, config));
  }
  for (const [service, settings] of Object.entries(config.services ?? {})) {
    (settings.queues ?? []).forEach((queue, i) => {
      issues.push(...unknownQueue(queue, declared, joinPath('services', service, 'queues', i)));
      const variable = queueVariable(queue);
      if (settings.environment?.[variable] !== undefined) {
        issues.push(
          issue(
            joinPath('services', service, 'environment', variable),
            `${variable} is set by Slipway to the '${queue}' queue's URL`,
            'remove it from environment',
          ),
        );
      }
    });
  }
  return issues;
};

function rangeIssues(name: string, queue: QueueConfig): ConfigIssue[] {
  return (Object.keys(RANGES) as (keyof typeof RANGES)[]).flatMap((field) => {
    const value = queue[field];
    const range = RANGES[field];
    if (value === undefined || (value >= range.min && value <= range.max)) return [];
    return [
      issue(
        joinPath('queues', name, field),
        `${value} is outside SQS's ${range.min}–${range.max} ${range.unit}`,
        `set it within that range, e.g. ${field}: ${range.example}`,
      ),
    ];
  });
}

/**
 * SQS hands each message to one receiver, so two functions on one queue would each see only part
 * of it; and Lambda asks for a visibility of six times its reader's timeout, so a message is not
 * handed out again while a throttled call may still be working on it.
 */
function readerIssues(name: string, queue: QueueConfig, config: SlipwayConfig): ConfigIssue[] {
  const readers = Object.entries(config.functions ?? {}).filter(([, fn]) => fn.events?.queue === name);
  const issues: ConfigIssue[] = [];
  const [reader, ...others] = readers;
  for (const [fnName] of others) {
    issues.push(
      issue(
        joinPath('functions', fnName, 'events', 'queue'),
        `the '${name}' queue is already read by functions.${reader![0]}; SQS hands each message to one reader, so each function would see only part of the queue`,
        'give each function a queue of its own, or, for every function to see every message, declare a topic and subscribe each with events.topic',
      ),
    );
  }
  if (reader !== undefined && queue.visibilityTimeoutSeconds !== undefined) {
    const [fnName, fn] = reader;
    const timeout = fn.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds;
    const least = timeout * QUEUE_DEFAULTS.visibilityPerTimeout;
    if (queue.visibilityTimeoutSeconds < least) {
      issues.push(
        issue(
          joinPath('queues', name, 'visibilityTimeoutSeconds'),
          `${queue.visibilityTimeoutSeconds} seconds is less than six times the ${timeout}-second timeout of functions.${fnName}, which reads the queue: a message could be handed out again while a call still works on it`,
          `set it to ${least} or more, or remove it to get ${least}`,
        ),
      );
    }
  }
  return issues;
}
