import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type {
  FunctionModel,
  QueueEventsModel,
  TableStreamEventsModel,
  TopicEventsModel,
} from '../../model/functions.js';
import { tableVariables } from '../../model/service-tables.js';
import type { EnvironmentModel } from '../../model/types.js';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { dataKeys, type EnvironmentRef, readValue } from '../shared/cross-stack.js';
import { importDataKey, importLogsKey } from '../shared/environment-keys.js';
import { environmentLogGroup } from '../shared/log-group.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { tableAccessStatements } from '../shared/table-access.js';
import { BUNDLE_MODULE, bundledCode } from './bundling.js';
import { failureQueue } from './failure-queue.js';
import { FunctionAlarms } from './function-alarms.js';

/** How often Lambda retries a failing batch (halving it each time) before it goes to the failure queue. */
const RETRY_ATTEMPTS = 3;
/** Receives of a topic's message before it moves to the failure queue. */
const MAX_RECEIVES = 5;
/** Records older than this go to the failure queue unprocessed; the stream keeps them 24 hours. */
const MAX_RECORD_AGE = Duration.hours(6);

const START: Record<TableStreamEventsModel['startingPosition'], lambda.StartingPosition> = {
  'trim-horizon': lambda.StartingPosition.TRIM_HORIZON,
  latest: lambda.StartingPosition.LATEST,
};

export interface BundledFunctionProps {
  readonly model: FunctionModel;
  readonly environment: EnvironmentModel;
  readonly where: EnvironmentRef;
  /** The environment's alarm topic, read from the runtime stack's parameter. */
  readonly alarmTopicArn: string;
  /** The environment's topics by name, for a function a topic calls. */
  readonly topics: ReadonlyMap<string, sns.ITopic>;
  /** The environment's declared queues by name, for a function a queue calls. */
  readonly queues: ReadonlyMap<string, sqs.IQueue>;
}

/**
 * One function: its TypeScript entry bundled by esbuild at synth, Node.js 24 on arm64 by default,
 * JSON logs into a log group of its own, X-Ray active tracing, a role of its own that may write
 * its logs, use the tables it names and read the stream that calls it, and nothing else. A stream
 * source reports partial batch failures, halves a failing batch on each of 3 retries and gives up
 * after 6 hours, sending what it gave up on to an SQS failure queue (a function a declared queue
 * calls has none: the queue's dead-letter queue holds what it fails on). Alarms on errors, iterator
 * age and the failure queue's depth notify the environment's alarm topic.
 * Cost: requests and GB-seconds from the usage model (`functionCallMillionsPerMonth`,
 * `functionAverageMs`), the failure queue's requests, one to three alarms and the logs it writes.
 */
export class BundledFunction extends Construct {
  readonly fn: lambda.Function;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    const { model, environment: env, where } = props;
    const path = `functions.${model.name}`;
    const dataKey = importDataKey(this, where, env);

    const logGroup = environmentLogGroup(this, 'Logs', {
      retentionDays: env.logRetentionDays,
      retentionPath: `environments.${env.name}.logRetentionDays`,
      production: env.production,
      environmentName: env.name,
      encryptionKey: importLogsKey(this, where, env),
      logicalId: `Function${logicalIdPart(model.name)}Logs`,
    });

    // A role of its own rather than CDK's default, which carries AWS's managed basic-execution policy
    // (logs in every group of the account).
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${model.functionName}: its logs, its tables and its stream`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    for (const statement of tableAccessStatements(env, model, dataKey)) role.addToPolicy(statement);

    this.fn = new lambda.Function(this, 'Function', {
      functionName: model.functionName,
      code: bundledCode(this, model.entry, `${path}.entry`),
      handler: `${BUNDLE_MODULE}.${model.handler}`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: model.architecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64,
      memorySize: model.memoryMb,
      timeout: Duration.seconds(model.timeoutSeconds),
      reservedConcurrentExecutions: model.reservedConcurrency,
      environment: { ...model.environment, ...tableVariables(env, model) },
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
    });
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray accepts trace segments and telemetry only on resource "*" (xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords have no resource types)' +
        (model.events === undefined || !('table' in model.events)
          ? '.'
          : ', and DynamoDB Streams lists streams only on "*" (dynamodb:ListStreams, which the stream ' +
            "source's grant adds); the stream's records are read on its own ARN."),
    );
    acknowledge(
      this.fn,
      'CT.LAMBDA.PR.3',
      'The function reaches DynamoDB and SQS through their public endpoints with its role and needs nothing ' +
        'inside the VPC; attaching it would add ENIs and, without NAT, cut it off from those endpoints.',
    );

    const source = model.events;
    // A declared queue has its own dead-letter queue (and alarm): the function needs none besides.
    let failures: sqs.IQueue | undefined;
    if (source !== undefined && 'queue' in source) {
      this.readQueue(source, props);
    } else {
      failures = failureQueue(this, 'Failures', source !== undefined && 'topic' in source);
      if (source !== undefined && 'table' in source) {
        this.readStream(source, props, dataKey, failures);
      } else if (source !== undefined) {
        this.readTopic(source, props, failures);
      } else {
        // Called by something else: asynchronous calls that fail after Lambda's retries land there.
        this.fn.configureAsyncInvoke({ onFailure: new destinations.SqsDestination(failures) });
      }
    }

    new FunctionAlarms(this, 'Alarms', {
      functionName: model.functionName,
      fn: this.fn,
      ...(failures === undefined ? {} : { failures }),
      streamSource: source !== undefined && 'table' in source,
      alarmTopicArn: props.alarmTopicArn,
    });
  }

  /**
   * A table's stream: partial batch failures, a failing batch halved on each retry, records too
   * old or retried too often sent to the failure queue.
   */
  private readStream(
    source: TableStreamEventsModel,
    props: BundledFunctionProps,
    dataKey: kms.IKey | undefined,
    failures: sqs.IQueue,
  ): void {
    const { environment: env, where } = props;
    const table = dynamodb.Table.fromTableAttributes(this, 'Source', {
      tableName: env.tables?.find((t) => t.name === source.table)?.tableName ?? source.table,
      tableStreamArn: readValue(this, where, 'data', dataKeys.tableStreamArn(source.table)),
      ...(dataKey === undefined ? {} : { encryptionKey: dataKey }),
    });
    this.fn.addEventSource(
      new sources.DynamoEventSource(table, {
        startingPosition: START[source.startingPosition],
        batchSize: source.batchSize,
        bisectBatchOnError: true,
        retryAttempts: RETRY_ATTEMPTS,
        maxRecordAge: MAX_RECORD_AGE,
        reportBatchItemFailures: true,
        onFailure: new sources.SqsDlq(failures),
        ...filterCriteria(source.filters),
      }),
    );
  }

  /**
   * A topic, fanned out: the function's own queue subscribes with raw delivery and calls it; a
   * message the function fails on (reported one by one) is retried, and after 5 receives moves to
   * the failure queue. The queue's visibility is six times the function's timeout, as Lambda asks.
   */
  private readTopic(source: TopicEventsModel, props: BundledFunctionProps, failures: sqs.IQueue): void {
    const topic = props.topics.get(source.topic);
    if (topic === undefined) throw new Error(`topic ${source.topic} is not in the functions stack`);
    const inbox = new sqs.Queue(this, 'Inbox', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.model.timeoutSeconds * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: failures, maxReceiveCount: MAX_RECEIVES },
    });
    topic.addSubscription(new subscriptions.SqsSubscription(inbox, { rawMessageDelivery: true }));
    this.fn.addEventSource(queueSource(inbox, source));
  }

  /**
   * A declared queue, read by this function alone: messages it fails on (reported one by one) are
   * retried until the queue's `maxReceiveCount`, then move to the queue's dead-letter queue. Reading
   * (and decrypting with the data key) is granted by the source.
   */
  private readQueue(source: QueueEventsModel, props: BundledFunctionProps): void {
    const queue = props.queues.get(source.queue);
    if (queue === undefined) throw new Error(`queue ${source.queue} is not in the functions stack`);
    this.fn.addEventSource(queueSource(queue, source));
  }
}

/** A queue calling the function: partial batch failures, filters, a window for batches over 10. */
function queueSource(
  queue: sqs.IQueue,
  source: { readonly batchSize: number; readonly filters: readonly Readonly<Record<string, unknown>>[] },
): sources.SqsEventSource {
  return new sources.SqsEventSource(queue, {
    batchSize: source.batchSize,
    // More than 10 messages a call needs a window to gather them in.
    ...(source.batchSize > 10 ? { maxBatchingWindow: Duration.seconds(1) } : {}),
    reportBatchItemFailures: true,
    ...filterCriteria(source.filters),
  });
}

/** Lambda filter criteria from the config's patterns; none at all without patterns. */
function filterCriteria(patterns: readonly Readonly<Record<string, unknown>>[]): {
  filters?: { pattern: string }[];
} {
  return patterns.length === 0
    ? {}
    : { filters: patterns.map((pattern) => ({ pattern: JSON.stringify(pattern) })) };
}
