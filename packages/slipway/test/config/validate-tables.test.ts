import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, validConfig } from './fixtures.js';

function withTables(): SlipwayConfig {
  const config = validConfig();
  config.tables = { orders: { partitionKey: { name: 'pk' }, sortKey: { name: 'sk', type: 'number' } } };
  config.services!.web!.tables = { orders: 'read-write' };
  return config;
}

describe('DynamoDB tables in config', () => {
  it('resolves each table per environment: fixed name, string keys by default, protected in production', () => {
    const model = resolveConfig(withTables());
    const [dev, prod] = model.environments;
    expect(dev!.tables).toEqual([
      {
        name: 'orders',
        tableName: 'shop-dev-orders',
        partitionKey: { name: 'pk', type: 'string' },
        sortKey: { name: 'sk', type: 'number' },
        deletionProtection: false,
      },
    ]);
    expect(prod!.tables![0]).toMatchObject({ tableName: 'shop-prod-orders', deletionProtection: true });
    expect(dev!.services[0]!.tables).toEqual({ orders: 'read-write' });
  });

  it('rejects names, keys and references DynamoDB or the services cannot use', () => {
    const config = withTables();
    config.tables = {
      Orders_2: { partitionKey: { name: 'id' }, sortKey: { name: 'id' }, ttlAttribute: 'id' },
      orders: { partitionKey: { name: '' } },
    };
    config.services!.web!.tables = { order: 'read' };
    config.services!.web!.environment = { TABLE_ORDER: 'mine' };
    expectIssue(config, 'tables.Orders_2', { message: ['lower-case letters'], fix: ["'orders-2'"] });
    expectIssue(config, 'tables.Orders_2.sortKey.name', {
      message: ['already the partition key'],
      fix: ['sk'],
    });
    expectIssue(config, 'tables.Orders_2.ttlAttribute', { message: ['key attribute'], fix: ['expiresAt'] });
    expectIssue(config, 'tables.orders.partitionKey.name', { message: ['1 to 255 bytes'], fix: ["'pk'"] });
    expectIssue(config, 'services.web.tables.order', {
      message: ["no table named 'order'", "did you mean 'orders'"],
      fix: ["'orders'"],
    });
    expectIssue(config, 'services.web.environment.TABLE_ORDER', {
      message: ['set by Slipway'],
      fix: ['remove it'],
    });
  });
});
