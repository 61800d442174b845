import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { TableStreamEventsModel } from '../model/functions.js';
import { type FilterPattern, passesFilters } from './filter-pattern.js';
import { localClientConfig } from './local-aws.js';
import { PolledSource, type PolledSourceProps } from './polled-source.js';
import { type LambdaStreamRecord, lambdaStreamRecord } from './stream-records.js';

/** How often an idle shard is read again; Lambda polls a stream about four times a second. */
const POLL_MS = 250;
/** Retries of a failing batch, as the functions stack's stream source sets (`retryAttempts`). */
export const STREAM_RETRY_ATTEMPTS = 3;

export interface StreamSourceProps extends PolledSourceProps {
  readonly events: TableStreamEventsModel;
  readonly streamArn: string;
}

/**
 * A table's stream feeding a function, as Lambda's event source mapping does it: every shard read
 * in order from the configured starting position, records that match none of the filters dropped,
 * the rest handed over in batches of up to `batchSize`. A batch that fails is retried (up to
 * STREAM_RETRY_ATTEMPTS times) from its first failed record, so a handler that reports
 * `batchItemFailures` sees that record and those after it again, never the ones before; after
 * the last retry the records are reported and skipped, where the cloud sends them to the failure
 * queue. Not modelled: splitting a failing batch in two (`bisectBatchOnError`), the record age
 * limit, parallel shards (the emulator keeps one shard per table).
 */
export class StreamSource extends PolledSource<StreamSourceProps> {
  private readonly client: DynamoDBStreamsClient;
  private iterators: string[] = [];

  constructor(props: StreamSourceProps) {
    super(props);
    this.client = new DynamoDBStreamsClient(localClientConfig(props.aws));
    this.begin();
  }

  protected describeSource(): string {
    return `the stream of ${this.props.events.table}`;
  }

  protected close(): void {
    this.client.destroy();
  }

  /** Every shard read once; an idle stream is read again after POLL_MS. */
  protected async poll(): Promise<number> {
    const { streamArn, events } = this.props;
    if (this.iterators.length === 0) this.iterators = await this.openShards();
    let read = 0;
    for (const [i, iterator] of this.iterators.entries()) {
      const answer = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      if (answer.NextShardIterator) this.iterators[i] = answer.NextShardIterator;
      const records = (answer.Records ?? []).map((r) =>
        lambdaStreamRecord(r, this.props.aws.region, streamArn),
      );
      read += records.length;
      const passed = records.filter((r) => passesFilters(events.filters as FilterPattern[], r));
      for (let start = 0; start < passed.length && !this.stopped; start += events.batchSize) {
        await this.deliver(passed.slice(start, start + events.batchSize));
      }
    }
    return read === 0 ? POLL_MS : 0;
  }

  /** An iterator per shard, at the function's starting position. */
  private async openShards(): Promise<string[]> {
    const { streamArn, events } = this.props;
    const description = await this.client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const shards = description.StreamDescription?.Shards ?? [];
    const iterators: string[] = [];
    for (const shard of shards) {
      const answer = await this.client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: events.startingPosition === 'latest' ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      if (answer.ShardIterator) iterators.push(answer.ShardIterator);
    }
    return iterators;
  }

  /** One batch to the handler, retried from its first failure until it passes or the retries run out. */
  private async deliver(batch: readonly LambdaStreamRecord[]): Promise<void> {
    const { fn, report } = this.props;
    let records = batch;
    for (let attempt = 1; records.length > 0 && !this.stopped; attempt++) {
      const { outcome, seconds } = await this.call(records);
      if (this.stopped) return;
      const retry = outcome.kind === 'returned' ? retryFrom(records, outcome.result) : records;
      report({
        kind: 'function-called',
        function: fn.name,
        records: records.length,
        failed: retry.length,
        attempt,
        seconds,
        ...(outcome.kind === 'failed' ? { error: outcome.reason } : {}),
      });
      if (retry.length > 0 && attempt > STREAM_RETRY_ATTEMPTS) {
        report({
          kind: 'warning',
          message: `functions.${fn.name}: gave up on ${retry.length} record(s) after ${STREAM_RETRY_ATTEMPTS} retries (sequence numbers ${retry.map((r) => r.dynamodb.SequenceNumber).join(', ')}); in the cloud they go to the function's failure queue`,
        });
        return;
      }
      records = retry;
    }
  }
}

/**
 * The records to send again after the handler returned: none for a response without failures;
 * from the lowest failed sequence number on for `batchItemFailures` (the stream's checkpoint
 * moves to the record before it); the whole batch when an identifier names no record of it, as
 * Lambda treats a response it cannot use.
 */
export function retryFrom(
  records: readonly LambdaStreamRecord[],
  result: unknown,
): readonly LambdaStreamRecord[] {
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return [];
  let first = records.length;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = records.findIndex((r) => r.dynamodb.SequenceNumber === id);
    if (typeof id !== 'string' || id === '' || index < 0) return records;
    first = Math.min(first, index);
  }
  return records.slice(first);
}
