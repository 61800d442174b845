import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { QueueEventsModel } from '../model/functions.js';
import { type FilterPattern, passesFilters } from './filter-pattern.js';
import { localClientConfig } from './local-aws.js';
import { PolledSource, type PolledSourceProps } from './polled-source.js';
import type { LocalQueue } from './local-queues.js';

/** SQS's most messages per receive; a bigger batch is gathered over several. */
const RECEIVE_MAX = 10;
/** Seconds a receive waits for a message (long polling), short so a stop is not held up. */
const WAIT_SECONDS = 1;

export interface QueueSourceProps extends PolledSourceProps {
  readonly events: QueueEventsModel;
  readonly queue: LocalQueue;
}

/** One message as Lambda hands it to a function in an SQS event's `Records`. */
export interface LambdaQueueRecord {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly messageAttributes: Readonly<Record<string, unknown>>;
  readonly md5OfBody: string;
  readonly eventSource: 'aws:sqs';
  readonly eventSourceARN: string;
  readonly awsRegion: string;
}

/**
 * A declared queue feeding its function, as Lambda's event source mapping does it: messages
 * received in batches of up to `batchSize` (gathered over receives of 10), those matching none of
 * the filters deleted unseen, the rest handed over; what the handler does not report failed is
 * deleted. A failed message is made visible again at once rather than after the queue's visibility
 * timeout, so a retry comes while the developer watches; the emulator moves it to the dead-letter
 * queue once its receives pass `maxReceiveCount`, as SQS does. Not modelled: scaling to several
 * concurrent calls.
 */
export class QueueSource extends PolledSource<QueueSourceProps> {
  private readonly client: SQSClient;

  constructor(props: QueueSourceProps) {
    super(props);
    this.client = new SQSClient(localClientConfig(props.aws));
    this.begin();
  }

  protected describeSource(): string {
    return `queue ${this.props.queue.name}`;
  }

  protected close(): void {
    this.client.destroy();
  }

  /** One batch received and delivered; receives long-poll, so there is no wait between them. */
  protected async poll(): Promise<number> {
    const { events, queue } = this.props;
    const batch = await this.receive();
    if (this.stopped || batch.length === 0) return 0;
    const records = batch.map((m) => lambdaQueueRecord(m, queue.arn, this.props.aws.region));
    const passed = records.filter((r) => passesFilters(events.filters as FilterPattern[], filterView(r)));
    // Lambda deletes what no filter lets through: it never reaches the function.
    await this.delete(records.filter((r) => !passed.includes(r)));
    if (passed.length > 0) await this.deliver(passed);
    return 0;
  }

  /** Up to `batchSize` messages: receives of 10 until the batch is full or the queue has no more now. */
  private async receive(): Promise<Message[]> {
    const { events, queue } = this.props;
    const batch: Message[] = [];
    while (batch.length < events.batchSize && !this.stopped) {
      const answer = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.url,
          MaxNumberOfMessages: Math.min(RECEIVE_MAX, events.batchSize - batch.length),
          // Wait only for the first messages; after that, take what is there.
          WaitTimeSeconds: batch.length === 0 ? WAIT_SECONDS : 0,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const messages = answer.Messages ?? [];
      batch.push(...messages);
      if (messages.length === 0) break;
    }
    return batch;
  }

  /** One call; the messages it did not report failed are deleted, the failed ones made visible again. */
  private async deliver(records: readonly LambdaQueueRecord[]): Promise<void> {
    const { fn, queue, report } = this.props;
    const { outcome, seconds } = await this.call(records);
    if (this.stopped) return;
    const failed = outcome.kind === 'returned' ? failedMessages(records, outcome.result) : records;
    const attempt = Math.max(...records.map((r) => Number(r.attributes['ApproximateReceiveCount'] ?? '1')));
    report({
      kind: 'function-called',
      function: fn.name,
      records: records.length,
      failed: failed.length,
      attempt,
      seconds,
      ...(outcome.kind === 'failed' ? { error: outcome.reason } : {}),
    });
    await this.delete(records.filter((r) => !failed.includes(r)));
    if (failed.length === 0) return;
    await this.client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queue.url,
        Entries: failed.map((r, i) => ({
          Id: String(i),
          ReceiptHandle: r.receiptHandle,
          VisibilityTimeout: 0,
        })),
      }),
    );
    const spent = failed.filter(
      (r) => Number(r.attributes['ApproximateReceiveCount'] ?? '1') >= queue.model.maxReceiveCount,
    );
    if (spent.length > 0) {
      report({
        kind: 'warning',
        message: `functions.${fn.name}: ${spent.length} message(s) failed ${queue.model.maxReceiveCount} receives (ids ${spent.map((r) => r.messageId).join(', ')}); they move to ${queue.queueName}-dead-letters`,
      });
    }
  }

  private async delete(records: readonly LambdaQueueRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += RECEIVE_MAX) {
      await this.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.props.queue.url,
          Entries: records
            .slice(start, start + RECEIVE_MAX)
            .map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
        }),
      );
    }
  }
}

/**
 * The messages to keep after the handler returned: none for a response without failures; those
 * named in `batchItemFailures`; the whole batch when an identifier names no message of it, as
 * Lambda treats a response it cannot use.
 */
export function failedMessages(
  records: readonly LambdaQueueRecord[],
  result: unknown,
): readonly LambdaQueueRecord[] {
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return [];
  const failed = new Set<LambdaQueueRecord>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const record = records.find((r) => r.messageId === id);
    if (typeof id !== 'string' || record === undefined) return records;
    failed.add(record);
  }
  return records.filter((r) => failed.has(r));
}

/** An SQS message in the shape Lambda passes it, attributes in Lambda's camel-cased form. */
export function lambdaQueueRecord(message: Message, arn: string, region: string): LambdaQueueRecord {
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: { ...message.Attributes },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          stringValue: value.StringValue,
          binaryValue: value.BinaryValue && Buffer.from(value.BinaryValue).toString('base64'),
          stringListValues: value.StringListValues ?? [],
          binaryListValues: (value.BinaryListValues ?? []).map((b) => Buffer.from(b).toString('base64')),
          dataType: value.DataType,
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: arn,
    awsRegion: region,
  };
}

/** What a filter sees: Lambda matches `body` patterns against the body parsed, when it is JSON. */
function filterView(record: LambdaQueueRecord): unknown {
  try {
    return { ...record, body: JSON.parse(record.body) as unknown };
  } catch {
    return record;
  }
}
