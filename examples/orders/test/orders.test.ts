import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTable,
  dynamoClient,
  dynamoVariables,
  failedStart,
  JSON_HEADERS,
  type RunningService,
  startService,
  TestPool,
} from './helpers.js';

/**
 * The three services as they run in the cloud: every write needs a token, and orders signs in with
 * its machine client (client-credentials against the pool's token endpoint) to call the other two.
 */
describe('orders service', () => {
  let pool: TestPool;
  let inventory: RunningService;
  let payments: RunningService;
  let orders: RunningService;
  let ordersTable: string;
  let stockTable: string;

  beforeAll(async () => {
    pool = await new TestPool().start();
    stockTable = await createTable('sku');
    ordersTable = await createTable('orderId');
    inventory = await startService('inventory', {
      ...dynamoVariables(),
      TABLE_STOCK: stockTable,
      ...pool.checkVariables(['orders-client'], 'inventory/write'),
    });
    payments = await startService('payments', pool.checkVariables(['orders-client'], 'payments/write'));
    orders = await startService('orders', {
      ...dynamoVariables(),
      TABLE_ORDERS: ordersTable,
      INVENTORY_URL: inventory.url,
      PAYMENTS_URL: payments.url,
      ...pool.checkVariables(['shop'], 'orders/write'),
      AUTH_TOKEN_URL: `${pool.url}/oauth2/token`,
      AUTH_CALLER_CLIENT_ID: 'orders-client',
      AUTH_CALLER_CLIENT_SECRET: 'caller-secret',
      AUTH_CALLER_SCOPES: 'inventory/write payments/write',
    });
    const db = dynamoClient();
    await db.send(
      new PutItemCommand({ TableName: stockTable, Item: { sku: { S: 'mug' }, available: { N: '3' } } }),
    );
    db.destroy();
  });
  afterAll(async () => {
    await Promise.all([orders, inventory, payments].map((s) => s?.stop()));
    await pool?.stop();
  });

  const customer = () => ({
    ...JSON_HEADERS,
    authorization: `Bearer ${pool.token('shop', ['orders/write'])}`,
  });
  const place = (quantity: number, headers: Record<string, string> = customer()) =>
    fetch(`${orders.url}/orders`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ customerId: 'c-1', items: [{ sku: 'mug', quantity, priceCents: 1200 }] }),
    });

  it('places an order: stock reserved, payment taken, the order written, all with one machine token', async () => {
    const before = pool.tokenRequests;
    const placed = await place(1);
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as Record<string, unknown>;
    expect(order).toMatchObject({
      customerId: 'c-1',
      items: [{ sku: 'mug', quantity: 1, priceCents: 1200 }],
      amountCents: 1200,
      status: 'placed',
    });
    expect(placed.headers.get('location')).toBe(`/orders/${String(order.orderId)}`);
    expect(order.paymentId).toMatch(/^[0-9a-f-]{36}$/);

    const db = dynamoClient();
    const stored = await db.send(
      new GetItemCommand({ TableName: ordersTable, Key: { orderId: { S: String(order.orderId) } } }),
    );
    const stock = await db.send(new GetItemCommand({ TableName: stockTable, Key: { sku: { S: 'mug' } } }));
    db.destroy();
    expect(stored.Item?.status).toEqual({ S: 'placed' });
    expect(stock.Item?.available).toEqual({ N: '2' });

    const read = await fetch(`${orders.url}/orders/${String(order.orderId)}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(order);

    // A second order reuses the cached token: one token request for four calls.
    expect((await place(1)).status).toBe(201);
    expect(pool.tokenRequests - before).toBe(1);
  });

  it('answers 409 when stock is short and writes no order', async () => {
    const short = await place(50);
    expect(short.status).toBe(409);
    expect(await short.json()).toEqual({ title: 'Not enough stock.', skus: ['mug'] });
  });

  it('answers 404 for an unknown order, 401 for a write without a customer token, 400 for a malformed order', async () => {
    expect((await fetch(`${orders.url}/orders/no-such-order`)).status).toBe(404);
    expect((await place(1, JSON_HEADERS)).status).toBe(401);
    const malformed = await fetch(`${orders.url}/orders`, {
      method: 'POST',
      headers: customer(),
      body: JSON.stringify({ customerId: 'c-1', items: [] }),
    });
    expect(malformed.status).toBe(400);
  });

  it('calls without a token when it has no caller settings, so a checking service refuses it (502)', async () => {
    const tokenless = await startService('orders', {
      ...dynamoVariables(),
      TABLE_ORDERS: ordersTable,
      INVENTORY_URL: inventory.url,
      PAYMENTS_URL: payments.url,
    });
    try {
      const refused = await fetch(`${tokenless.url}/orders`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ customerId: 'c-1', items: [{ sku: 'mug', quantity: 1, priceCents: 1 }] }),
      });
      expect(refused.status).toBe(502);
      expect(await refused.json()).toEqual({ title: 'The inventory service answered 401.' });
    } finally {
      await tokenless.stop();
    }
  });

  it('refuses to start with half the caller settings or without its table, naming the variables', async () => {
    const half = await failedStart('orders', {
      TABLE_ORDERS: ordersTable,
      INVENTORY_URL: inventory.url,
      PAYMENTS_URL: payments.url,
      AUTH_TOKEN_URL: `${pool.url}/oauth2/token`,
    });
    expect(half.code).toBe(1);
    expect(half.output).toContain(
      'AUTH_TOKEN_URL is set but AUTH_CALLER_CLIENT_ID, AUTH_CALLER_CLIENT_SECRET not',
    );
    const noTable = await failedStart('orders', { INVENTORY_URL: inventory.url, PAYMENTS_URL: payments.url });
    expect(noTable.output).toContain('TABLE_ORDERS is not set');
  });
});
