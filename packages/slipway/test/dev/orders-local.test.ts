import path from 'node:path';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { LOCAL_CREDENTIALS } from '../../src/deploy/connection.js';
import { startDev } from '../../src/dev/start-dev.js';
import { localCloudStatus } from '../../src/local-cloud/launcher.js';
import { recorder, REPO_ROOT, tempDir } from './helpers.js';

const ORDERS_CONFIG = path.join(REPO_ROOT, 'examples/orders/slipway.config.ts');

/** Polls until `check` holds, or fails after `timeoutMs` with what was seen. */
async function eventually(check: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; seen: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('examples/orders locally', () => {
  it('runs the three services on emulator tables, and the orders stream calls notify for a new order but not for an update', async () => {
    const model = await loadConfig(ORDERS_CONFIG);
    const stateDir = tempDir('orders-state');
    const log = recorder();
    const session = await startDev(model, {
      configDir: path.dirname(ORDERS_CONFIG),
      basePort: 0,
      stateDir,
      reporter: log.reporter,
    });
    try {
      expect(session.services.map((s) => s.name)).toEqual(['orders', 'inventory', 'payments']);
      expect(session.tables).toEqual([
        expect.objectContaining({ name: 'orders', tableName: 'orders-dev-orders', created: true }),
        expect.objectContaining({ name: 'stock', tableName: 'orders-dev-stock', created: true }),
      ]);
      expect(session.functions).toEqual([{ name: 'notify', table: 'orders' }]);
      const ready = log.of('ready')[0];
      expect(ready?.tables?.map((t) => t.name)).toEqual(['orders', 'stock']);
      const [emulator] = log.of('emulator');
      expect(emulator?.started).toBe(true);

      const url = (name: string) => session.services.find((s) => s.name === name)?.url ?? '';
      const json = { 'content-type': 'application/json' };
      const stocked = await fetch(`${url('inventory')}/inventory/sku-1`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ available: 3 }),
      });
      expect(stocked.status).toBe(200);
      const placed = await fetch(`${url('orders')}/orders`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ customerId: 'c-7', items: [{ sku: 'sku-1', quantity: 2, priceCents: 450 }] }),
      });
      expect(placed.status).toBe(201);
      const order = (await placed.json()) as { orderId: string; status: string; amountCents: number };
      expect(order).toMatchObject({ status: 'placed', amountCents: 900 });
      expect(
        ((await (await fetch(`${url('inventory')}/inventory/sku-1`)).json()) as { available: number })
          .available,
      ).toBe(1);

      const notified = () => log.lines('notify').filter((line) => line.includes(order.orderId));
      // The handler's log line is printed during the call; the call's own event follows when it returns.
      await eventually(
        () => notified().length > 0 && log.of('function-called').length > 0,
        () =>
          JSON.stringify(
            log.events.filter((e) => e.kind === 'log' || e.kind === 'function-called').slice(-10),
          ),
      );
      expect(JSON.parse(notified()[0] ?? '{}')).toEqual({
        msg: 'order placed',
        orderId: order.orderId,
        customer: 'c-7',
      });
      expect(log.of('function-called')).toEqual([
        expect.objectContaining({ function: 'notify', records: 1, failed: 0, attempt: 1 }),
      ]);

      // An update (MODIFY) is on the stream too; the function's filter keeps it from the handler.
      const table = session.tables.find((t) => t.name === 'orders');
      const db = new DynamoDBClient({
        region: 'eu-west-1',
        endpoint: table?.endpoint ?? '',
        credentials: LOCAL_CREDENTIALS,
      });
      await db.send(
        new UpdateItemCommand({
          TableName: table?.tableName,
          Key: { orderId: { S: order.orderId } },
          UpdateExpression: 'SET #status = :shipped',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':shipped': { S: 'shipped' } },
        }),
      );
      db.destroy();
      const shipped = await fetch(`${url('orders')}/orders/${order.orderId}`);
      expect(((await shipped.json()) as { status: string }).status).toBe('shipped');
      // A second order proves the stream was read past the update: by then notify would have had it.
      const second = await fetch(`${url('orders')}/orders`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ customerId: 'c-8', items: [{ sku: 'sku-1', quantity: 1, priceCents: 450 }] }),
      });
      const secondId = ((await second.json()) as { orderId: string }).orderId;
      await eventually(
        () =>
          log.lines('notify').some((line) => line.includes(secondId)) && log.of('function-called').length > 1,
        () => log.lines('notify').join('\n'),
      );
      expect(log.of('function-called').map((e) => e.records)).toEqual([1, 1]);
      expect(log.lines('notify').filter((line) => line.includes(order.orderId))).toHaveLength(1);

      const short = await fetch(`${url('orders')}/orders`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ customerId: 'c-9', items: [{ sku: 'sku-1', quantity: 5, priceCents: 450 }] }),
      });
      expect(short.status).toBe(409);
    } finally {
      await session.stop();
    }
    expect(log.kinds()).toContain('emulator-stopped');
    expect((await localCloudStatus({ stateDir })).running).toBe(false);
  });
});
