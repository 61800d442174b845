import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedStart, JSON_HEADERS, type RunningService, startService, TestPool } from './helpers.js';

describe('payments service', () => {
  let service: RunningService;
  let pool: TestPool;

  beforeAll(async () => {
    pool = await new TestPool().start();
    service = await startService('payments', pool.checkVariables(['orders-client'], 'payments/write'));
  });
  afterAll(async () => {
    await service?.stop();
    await pool?.stop();
  });

  const pay = (body: unknown, token = pool.token('orders-client', ['payments/write'])) =>
    fetch(`${service.url}/payments`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('takes a payment and answers with its id', async () => {
    const paid = await pay({ orderId: 'o-1', customerId: 'c-1', amountCents: 1250 });
    expect(paid.status).toBe(201);
    const body = (await paid.json()) as { paymentId: string; orderId: string; status: string };
    expect(body).toMatchObject({ orderId: 'o-1', status: 'captured' });
    expect(body.paymentId).toMatch(/^[0-9a-f-]{36}$/);
    // The log line may land just after the answer.
    await expect.poll(() => service.output.some((line) => line.includes('"msg":"payment taken"'))).toBe(true);
  });

  it('refuses a malformed payment and one without the write scope', async () => {
    expect((await pay({ orderId: 'o-1', customerId: 'c-1', amountCents: -1 })).status).toBe(400);
    expect((await pay({ orderId: 'o-1' })).status).toBe(400);
    const noScope = pool.token('orders-client', ['inventory/write']);
    expect((await pay({ orderId: 'o-1', customerId: 'c-1', amountCents: 1 }, noScope)).status).toBe(403);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const other = await startService('payments', {});
    expect(await other.stop()).toBe(0);
    expect(other.output.some((line) => line.includes('"msg":"stopping"'))).toBe(true);
  });

  it('refuses to start without a usable PORT, naming the variable', async () => {
    const refused = await failedStart('payments', { PORT: 'eighty' });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('PORT=\\"eighty\\" is not a port');
  });
});
