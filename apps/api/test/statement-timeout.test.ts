import { afterEach, describe, expect, it } from 'vitest';
import { lockItems, waitForBlockedQueries } from './helpers/table-lock.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 35: a slow query ends by statement_timeout and the client gets a 504 (or 503 when no
// connection is free), never a hung request.
let db: TestDatabase | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  await db?.drop();
  t = undefined;
  db = undefined;
});

describe('statement timeout', () => {
  it('cancels a query blocked past DATABASE_STATEMENT_TIMEOUT_MS and answers 504, then recovers', async () => {
    db = await createTestDatabase('timeout');
    t = await startTestApp(db.url, { DATABASE_STATEMENT_TIMEOUT_MS: '300', RATE_LIMIT_MAX: '0' });
    const lock = await lockItems(db.url);
    try {
      const started = Date.now();
      const res = await t.app.inject('/items');
      const took = Date.now() - started;
      expect(res.statusCode).toBe(504);
      expect(res.json()).toMatchObject({
        status: 504,
        detail: 'The database did not answer within 300 ms. Try again later.',
      });
      expect(took).toBeGreaterThanOrEqual(250);
      expect(took).toBeLessThan(2_000);
      const write = await t.app.inject({
        method: 'POST',
        url: '/items',
        payload: { name: 'x', quantity: 1 },
      });
      expect(write.statusCode).toBe(504);
    } finally {
      await lock.release();
    }
    expect((await t.app.inject('/items')).statusCode).toBe(200);
    const line = t.logs.requests.find((l) => l.statusCode === 504);
    expect(line).toMatchObject({ level: 'error', err: { code: '57014' } });
  });

  it('answers 503 with Retry-After when no connection frees up in time', async () => {
    db = await createTestDatabase('timeout');
    t = await startTestApp(db.url, {
      DATABASE_POOL_MAX: '1',
      DATABASE_CONNECT_TIMEOUT_MS: '200',
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      RATE_LIMIT_MAX: '0',
    });
    const lock = await lockItems(db.url);
    try {
      const holding = t.app.inject('/items/1');
      await waitForBlockedQueries(db.url);
      const waiting = await t.app.inject('/items');
      expect(waiting.statusCode).toBe(503);
      expect(waiting.headers['retry-after']).toBe('1');
      expect(waiting.json()).toMatchObject({
        status: 503,
        detail: 'The database is unavailable. Try again shortly.',
      });
      await lock.release();
      expect((await holding).statusCode).toBe(404);
    } finally {
      await lock.release();
    }
  });
});
