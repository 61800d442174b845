import type { TableAccess } from './tables.js';

/** A Lambda function of an environment, as the functions stack makes it. */
export interface FunctionModel {
  /** Name in the config (`notify`). */
  readonly name: string;
  /** The function's physical name, `<app>-<env>-<name>`: fixed, so alarms and people find it. */
  readonly functionName: string;
  /** Absolute path of the handler's TypeScript file, bundled by esbuild at synth. */
  readonly entry: string;
  /** The export Lambda calls. */
  readonly handler: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly architecture: 'arm64' | 'x86_64';
  /** Concurrent calls reserved for the function; absent to share the account's pool. */
  readonly reservedConcurrency?: number;
  /** Plain variables, without the `TABLE_<NAME>` ones Slipway adds. */
  readonly environment: Readonly<Record<string, string>>;
  /** Declared tables the function uses, and how. */
  readonly tables: Readonly<Record<string, TableAccess>>;
  /** What calls it; absent when nothing Slipway makes does. */
  readonly events?: FunctionEventsModel;
}

/** What calls the function: a table's stream, a topic through a queue of the function's own, or a declared queue. */
export type FunctionEventsModel = TableStreamEventsModel | TopicEventsModel | QueueEventsModel;

/** A table's stream calling the function, batch by batch. */
export interface TableStreamEventsModel {
  /** Declared table whose stream is read; it has a stream (config validation). */
  readonly table: string;
  readonly batchSize: number;
  /** Lambda filter patterns; a record is passed on when it matches any. */
  readonly filters: readonly Readonly<Record<string, unknown>>[];
  readonly startingPosition: 'trim-horizon' | 'latest';
}

/** A topic's messages, delivered raw into a queue of the function's own that calls it. */
export interface TopicEventsModel {
  /** Declared topic the function's queue subscribes to. */
  readonly topic: string;
  readonly batchSize: number;
  /** Lambda filter patterns over the queue's messages. */
  readonly filters: readonly Readonly<Record<string, unknown>>[];
}

/** A declared queue's messages, read by this function alone. */
export interface QueueEventsModel {
  /** Declared queue the function reads; no other function reads it (config validation). */
  readonly queue: string;
  readonly batchSize: number;
  /** Lambda filter patterns over the queue's messages. */
  readonly filters: readonly Readonly<Record<string, unknown>>[];
}

/** A standard SQS queue of an environment, made in the functions stack with a dead-letter queue. */
export interface QueueModel {
  /** Name in the config (`jobs`). */
  readonly name: string;
  /** `<app>-<env>-<name>`: fixed, so senders know its URL and ARN without a lookup. */
  readonly queueName: string;
  /** Seconds a received message stays hidden: the config's, or six times its reader's timeout. */
  readonly visibilityTimeoutSeconds: number;
  /** Days an unread message is kept. */
  readonly retentionDays: number;
  /** Receives of a message before it moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
}

/** An SNS topic of an environment, made in the functions stack. */
export interface TopicModel {
  /** Name in the config (`order-events`). */
  readonly name: string;
  /** `<app>-<env>-<name>`: fixed, so services know its ARN without a lookup. */
  readonly topicName: string;
}
