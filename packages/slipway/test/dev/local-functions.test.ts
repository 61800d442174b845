import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { LOCAL_CREDENTIALS } from '../../src/deploy/connection.js';
import { DevError } from '../../src/dev/dev-error.js';
import { startDev } from '../../src/dev/start-dev.js';
import { retryFrom, STREAM_RETRY_ATTEMPTS } from '../../src/dev/stream-source.js';
import type { LambdaStreamRecord } from '../../src/dev/stream-records.js';
import { FIXTURES, recorder, STAND_IN, tempDir } from './helpers.js';

function withFunctions(callsFile: string, filters: SlipwayConfig['functions'] = undefined): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    tables: { events: { partitionKey: { name: 'id' }, stream: 'new-image' } },
    topics: { alerts: {} },
    services: { web: { port: 8080, tables: { events: 'read-write' }, dev: { command: STAND_IN } } },
    functions: filters ?? {
      flaky: {
        entry: 'stream-handlers.ts',
        handler: 'flaky',
        environment: { CALLS_FILE: callsFile },
        tables: { events: 'read' },
        events: { table: 'events', batchSize: 10 },
      },
      crashing: {
        entry: 'stream-handlers.ts',
        handler: 'crashing',
        environment: { CALLS_FILE: callsFile },
        events: { table: 'events', filters: [{ dynamodb: { NewImage: { id: { S: ['boom'] } } } }] },
      },
      alerting: { entry: 'stream-handlers.ts', events: { topic: 'alerts' } },
    },
    environments: {
      dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
    },
  };
}

function record(sequence: string): LambdaStreamRecord {
  return {
    eventID: sequence,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: { SequenceNumber: sequence },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/x',
  };
}

describe('functions on a local stream', () => {
  it('retries a batch from its first reported failure, the whole batch on an unusable answer, nothing on success', () => {
    const batch = ['1', '2', '3', '4'].map(record);
    expect(retryFrom(batch, { batchItemFailures: [] })).toEqual([]);
    expect(retryFrom(batch, null)).toEqual([]);
    expect(
      retryFrom(batch, { batchItemFailures: [{ itemIdentifier: '3' }, { itemIdentifier: '2' }] }),
    ).toEqual(batch.slice(1));
    expect(retryFrom(batch, { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] })).toEqual(batch);
    expect(retryFrom(batch, { batchItemFailures: [{}] })).toEqual(batch);
  });

  it('calls each handler in its own process with its variables, retries reported failures, survives a handler that exits, and skips topic-fed functions', async () => {
    const folder = tempDir('functions');
    const callsFile = path.join(folder, 'calls.jsonl');
    const model = resolveConfig(withFunctions(callsFile), { configDir: FIXTURES });
    const log = recorder();
    const session = await startDev(model, {
      configDir: FIXTURES,
      basePort: 0,
      stateDir: path.join(folder, 'state'),
      reporter: log.reporter,
    });
    try {
      expect(session.functions.map((f) => f.name)).toEqual(['flaky', 'crashing']);
      expect(log.of('function-skipped')).toEqual([
        expect.objectContaining({
          function: 'alerting',
          reason: expect.stringMatching(/topic alerts.*not delivered locally/),
        }),
      ]);
      const env = (await (await fetch(`${session.services[0]?.url}/env`)).json()) as Record<string, string>;
      const table = session.tables[0];
      expect(env).toMatchObject({
        TABLE_EVENTS: 'shop-dev-events',
        AWS_ENDPOINT_URL_DYNAMODB: table?.endpoint,
        AWS_REGION: 'us-east-1',
      });

      const db = new DynamoDBClient({
        region: 'us-east-1',
        endpoint: table?.endpoint ?? '',
        credentials: LOCAL_CREDENTIALS,
      });
      const put = (id: string, fail?: string) => ({
        PutRequest: { Item: { id: { S: id }, ...(fail ? { fail: { S: fail } } : {}) } },
      });
      await db.send(
        new BatchWriteItemCommand({
          RequestItems: { 'shop-dev-events': [put('a'), put('b', 'once'), put('boom')] },
        }),
      );
      db.destroy();

      const calls = () =>
        readFileSync(callsFile, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { handler: string; ids: string[]; table?: string });
      const deadline = Date.now() + 45_000;
      // The two functions read their streams side by side: wait for both to be done.
      const flakyRetried = () =>
        existsSync(callsFile) &&
        calls()
          .filter((c) => c.handler === 'flaky')
          .flatMap((c) => c.ids)
          .filter((id) => id === 'b').length >= 2;
      while (log.warnings().every((w) => !w.includes('functions.crashing: gave up')) || !flakyRetried()) {
        if (Date.now() > deadline) throw new Error(`no give-up; calls: ${readFileSync(callsFile, 'utf8')}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const flaky = calls().filter((c) => c.handler === 'flaky');
      // b failed once, so it came again; a, before it, never did.
      expect(flaky.flatMap((c) => c.ids).filter((id) => id === 'b')).toHaveLength(2);
      expect(flaky.flatMap((c) => c.ids).filter((id) => id === 'a')).toHaveLength(1);
      expect(flaky[0]?.table).toBe('shop-dev-events');
      expect(log.lines('flaky')).toContain('handled a');

      // The crashing handler saw only the record its filter lets through, once and on every retry.
      const crashing = calls().filter((c) => c.handler === 'crashing');
      expect(crashing.map((c) => c.ids)).toEqual(Array(STREAM_RETRY_ATTEMPTS + 1).fill(['boom']));
      const crashes = log.of('function-called').filter((e) => e.function === 'crashing');
      expect(crashes.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
      expect(crashes[0]?.error).toMatch(/exited with code 3 before the handler returned/);
      // The loop and the services outlived it.
      expect((await fetch(`${session.services[0]?.url}/healthz`)).status).toBe(200);
    } finally {
      await session.stop();
    }
  });

  it('refuses a filter it cannot apply before anything starts, naming the pattern', async () => {
    const model = resolveConfig(
      withFunctions('unused', {
        notify: {
          entry: 'stream-handlers.ts',
          events: { table: 'events', filters: [{ eventName: 'INSERT' }] },
        },
      }),
      { configDir: FIXTURES },
    );
    const log = recorder();
    const started = startDev(model, {
      configDir: FIXTURES,
      basePort: 0,
      stateDir: tempDir('refused'),
      reporter: log.reporter,
    });
    await expect(started).rejects.toThrow(DevError);
    await expect(started).rejects.toThrow(
      /functions\.notify\.events\.filters\[0\]\.eventName: a leaf is a list/,
    );
    expect(log.kinds()).not.toContain('emulator');
  });
});
