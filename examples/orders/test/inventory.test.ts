import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTable,
  dynamoVariables,
  JSON_HEADERS,
  type RunningService,
  startService,
  TestPool,
} from './helpers.js';

describe('inventory service', () => {
  let service: RunningService;
  let pool: TestPool;

  beforeAll(async () => {
    pool = await new TestPool().start();
    service = await startService('inventory', {
      ...dynamoVariables(),
      TABLE_STOCK: await createTable('sku'),
      ...pool.checkVariables(['orders-client'], 'inventory/write'),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await pool?.stop();
  });

  const writer = () => ({
    ...JSON_HEADERS,
    authorization: `Bearer ${pool.token('orders-client', ['inventory/write'])}`,
  });
  const stock = (sku: string, available: number) =>
    fetch(`${service.url}/inventory/${sku}`, {
      method: 'PUT',
      headers: writer(),
      body: JSON.stringify({ available }),
    });
  const reserve = (items: { sku: string; quantity: number }[], headers: Record<string, string> = writer()) =>
    fetch(`${service.url}/inventory/reservations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ orderId: 'o-1', items }),
    });
  const available = async (sku: string) =>
    ((await (await fetch(`${service.url}/inventory/${sku}`)).json()) as { available: number }).available;

  it('answers its health path and reads without a token', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${service.url}/inventory/never-stocked`)).status).toBe(404);
  });

  it('reserves every item of an order or none, and says which SKUs are short', async () => {
    expect((await stock('apple', 5)).status).toBe(200);
    expect((await stock('pear', 1)).status).toBe(200);
    const taken = await reserve([
      { sku: 'apple', quantity: 2 },
      { sku: 'pear', quantity: 1 },
    ]);
    expect(taken.status).toBe(201);
    expect([await available('apple'), await available('pear')]).toEqual([3, 0]);

    const short = await reserve([
      { sku: 'apple', quantity: 1 },
      { sku: 'pear', quantity: 1 },
    ]);
    expect(short.status).toBe(409);
    expect(await short.json()).toEqual({ title: 'Not enough stock.', skus: ['pear'] });
    // The apple of the refused order was not taken either.
    expect(await available('apple')).toBe(3);
    expect((await reserve([{ sku: 'unknown', quantity: 1 }])).status).toBe(409);
  });

  it('refuses malformed reservations', async () => {
    expect((await reserve([])).status).toBe(400);
    expect((await reserve([{ sku: 'apple', quantity: 0 }])).status).toBe(400);
    expect(
      (
        await reserve([
          { sku: 'apple', quantity: 1 },
          { sku: 'apple', quantity: 1 },
        ])
      ).status,
    ).toBe(400);
  });

  it('needs an accepted token with the write scope to write', async () => {
    const items = [{ sku: 'apple', quantity: 1 }];
    const missing = await reserve(items, JSON_HEADERS);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const otherClient = {
      ...JSON_HEADERS,
      authorization: `Bearer ${pool.token('shop', ['inventory/write'])}`,
    };
    expect((await reserve(items, otherClient)).status).toBe(401);
    const noScope = {
      ...JSON_HEADERS,
      authorization: `Bearer ${pool.token('orders-client', ['payments/write'])}`,
    };
    const refused = await reserve(items, noScope);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('scope="inventory/write"');
  });
});
