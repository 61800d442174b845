import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { LOCAL_CREDENTIALS } from '../../src/deploy/connection.js';
import { failedMessages, type LambdaQueueRecord } from '../../src/dev/queue-source.js';
import { startDev } from '../../src/dev/start-dev.js';
import { FIXTURES, recorder, STAND_IN, tempDir } from './helpers.js';

/** A `jobs` queue web sends to and `work` reads (only `kind: 'job'` messages), two receives before the dead letters. */
function withQueue(callsFile: string): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    queues: { jobs: { maxReceiveCount: 2 } },
    services: { web: { port: 8080, queues: ['jobs'], dev: { command: STAND_IN } } },
    functions: {
      work: {
        entry: 'queue-handlers.ts',
        handler: 'work',
        environment: { CALLS_FILE: callsFile },
        events: { queue: 'jobs', filters: [{ body: { kind: ['job'] } }] },
      },
    },
    environments: {
      dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
    },
  };
}

function record(messageId: string): LambdaQueueRecord {
  return {
    messageId,
    receiptHandle: `handle-${messageId}`,
    body: '{}',
    attributes: {},
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:shop-dev-jobs',
    awsRegion: 'us-east-1',
  };
}

describe('functions on a local queue', () => {
  it('keeps the messages a handler reports failed, the whole batch on an unusable answer, none on success', () => {
    const batch = ['1', '2', '3'].map(record);
    expect(failedMessages(batch, { batchItemFailures: [] })).toEqual([]);
    expect(failedMessages(batch, undefined)).toEqual([]);
    expect(
      failedMessages(batch, { batchItemFailures: [{ itemIdentifier: '3' }, { itemIdentifier: '1' }] }),
    ).toEqual([batch[0], batch[2]]);
    expect(failedMessages(batch, { batchItemFailures: [{ itemIdentifier: 'elsewhere' }] })).toEqual(batch);
  });

  it("gives the service the queue's URL, calls the reader with Lambda's SQS event, deletes what passed and dead-letters what keeps failing", async () => {
    const folder = tempDir('queues');
    const callsFile = path.join(folder, 'calls.jsonl');
    const model = resolveConfig(withQueue(callsFile), { configDir: FIXTURES });
    const log = recorder();
    const session = await startDev(model, {
      configDir: FIXTURES,
      basePort: 0,
      stateDir: path.join(folder, 'state'),
      reporter: log.reporter,
    });
    try {
      expect(session.functions).toEqual([{ name: 'work', queue: 'jobs' }]);
      expect(log.of('queue-ready')).toEqual([
        expect.objectContaining({ queue: expect.objectContaining({ name: 'jobs', created: true }) }),
      ]);
      const env = (await (await fetch(`${session.services[0]?.url}/env`)).json()) as Record<string, string>;
      expect(env.QUEUE_JOBS).toMatch(/\/123456789012\/shop-dev-jobs$/);
      const endpoint = env.AWS_ENDPOINT_URL_SQS ?? '';
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      // What the service would do with its variables: send to QUEUE_JOBS on the emulator.
      const sqs = new SQSClient({ region: 'us-east-1', endpoint, credentials: LOCAL_CREDENTIALS });
      const entry = (id: string, body: object) => ({ Id: id, MessageBody: JSON.stringify({ id, ...body }) });
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: env.QUEUE_JOBS,
          Entries: [
            entry('a', { kind: 'job' }),
            entry('b', { kind: 'job', fail: 'once' }),
            entry('c', { kind: 'other' }),
            entry('z', { kind: 'job', fail: 'always' }),
          ],
        }),
      );

      const calls = () =>
        readFileSync(callsFile, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { ids: string[]; sources: string[] });
      const { QueueUrl: deadLetters } = await sqs.send(
        new GetQueueUrlCommand({ QueueName: 'shop-dev-jobs-dead-letters' }),
      );
      const dead: string[] = [];
      const deadline = Date.now() + 45_000;
      while (dead.length === 0) {
        if (Date.now() > deadline)
          throw new Error(`nothing dead-lettered; calls: ${readFileSync(callsFile, 'utf8')}`);
        const { Messages: messages } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: deadLetters, WaitTimeSeconds: 1 }),
        );
        dead.push(...(messages ?? []).map((m) => (JSON.parse(m.Body ?? '{}') as { id: string }).id));
      }
      expect(dead).toEqual(['z']);
      const ids = calls().flatMap((c) => c.ids);
      // a passed at once; b failed once and came again; c matched no filter; z failed both receives.
      expect(ids.filter((id) => id === 'a')).toHaveLength(1);
      expect(ids.filter((id) => id === 'b')).toHaveLength(2);
      expect(ids).not.toContain('c');
      expect(ids.filter((id) => id === 'z')).toHaveLength(2);
      expect(calls().flatMap((c) => c.sources)).toEqual(ids.map(() => 'aws:sqs'));
      expect(log.lines('work')).toContain('handled a');
      expect(log.warnings()).toContainEqual(
        expect.stringMatching(/functions\.work: 1 message\(s\) failed 2 receives/),
      );

      // Everything handled was deleted, the filtered message too: nothing is left on the queue.
      const { Attributes: left } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: env.QUEUE_JOBS,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      expect(left).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
      sqs.destroy();
    } finally {
      await session.stop();
    }
  });
});
