import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DevError } from '../../src/dev/dev-error.js';
import { prepareLocalTables } from '../../src/dev/local-tables.js';
import type { TableModel } from '../../src/model/tables.js';
import { useEmulator } from '../local-cloud/emulator.js';

const events: TableModel = {
  name: 'events',
  tableName: 'shop-dev-events',
  partitionKey: { name: 'tenant', type: 'string' },
  sortKey: { name: 'at', type: 'number' },
  stream: 'new-and-old-images',
  ttlAttribute: 'expiresAt',
  deletionProtection: false,
};

describe('local tables', () => {
  const emulator = useEmulator();

  it('creates a missing table from the model for `slipway dev`, and finds it next time', async () => {
    const aws = { endpoint: emulator.endpoint, region: 'eu-west-1' };
    const [created] = await prepareLocalTables([events], aws, { deployed: false });
    expect(created).toMatchObject({ name: 'events', tableName: 'shop-dev-events', created: true });
    expect(created?.streamArn).toMatch(/^arn:aws:dynamodb:eu-west-1:\d{12}:table\/shop-dev-events\/stream\//);
    const db = new DynamoDBClient(emulator.config('eu-west-1'));
    const table = (await db.send(new DescribeTableCommand({ TableName: 'shop-dev-events' }))).Table;
    const ttl = await db.send(new DescribeTimeToLiveCommand({ TableName: 'shop-dev-events' }));
    db.destroy();
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expiresAt',
      TimeToLiveStatus: 'ENABLED',
    });
    expect(table?.KeySchema).toEqual([
      { AttributeName: 'tenant', KeyType: 'HASH' },
      { AttributeName: 'at', KeyType: 'RANGE' },
    ]);
    expect(table?.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'tenant', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
      ]),
    );
    expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');

    const [again] = await prepareLocalTables([events], aws, { deployed: true });
    expect(again).toMatchObject({ created: false, streamArn: created?.streamArn });
  });

  it('never makes a copy of a table a deploy should have made', async () => {
    const aws = { endpoint: emulator.endpoint, region: 'eu-west-1' };
    const missing = prepareLocalTables([events], aws, { deployed: true });
    await expect(missing).rejects.toThrow(DevError);
    await expect(missing).rejects.toThrow(
      /tables\.events: the table shop-dev-events is not on the local emulator/,
    );
  });
});
