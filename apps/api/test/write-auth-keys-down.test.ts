import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { LocalIssuer, TEST_USER_POOL_ID } from './helpers/local-issuer.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// When the key set cannot be fetched, a token can be judged neither good nor bad: the caller is
// told to retry (503), not that its token is wrong (401), and reads carry on.
let db: TestDatabase;
let t: TestApp;

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  db = await createTestDatabase('authdown');
  t = await startTestApp(db.url, {
    AUTH_USER_POOL_ID: TEST_USER_POOL_ID,
    AUTH_CLIENT_IDS: 'orders-service',
    AUTH_JWKS_URL: `http://127.0.0.1:${await closedPort()}/jwks.json`,
  });
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

it('answers a write 503 with Retry-After, logs why, and keeps reads open', async () => {
  const token = new LocalIssuer().token();
  const res = await t.app.inject({
    method: 'POST',
    url: '/items',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload: JSON.stringify({ name: 'aspirin', quantity: 2 }),
  });
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBe('5');
  expect(res.json()).toMatchObject({ status: 503 });
  expect(t.logs.requests.at(-1)).toMatchObject({ statusCode: 503, err: { type: 'TokenRefused' } });
  await vi.waitFor(() =>
    expect(t.logs.parsed.some((l) => String(l.msg).startsWith('could not fetch the signing keys'))).toBe(
      true,
    ),
  );
  expect((await t.app.inject('/items')).statusCode).toBe(200);
});
