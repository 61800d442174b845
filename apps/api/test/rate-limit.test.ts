import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 35: past the configured rate the service answers 429 with Retry-After.
let db: TestDatabase | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  await db?.drop();
  t = undefined;
  db = undefined;
});

/** An app limited to 3 requests per 10 s, on a clock the test moves by hand. */
async function limitedApp(env: Record<string, string> = {}) {
  const clock = { now: 1_700_000_002_000 };
  db = await createTestDatabase('rate');
  t = await startTestApp(
    db.url,
    { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '10000', ...env },
    { now: () => clock.now },
  );
  return { app: t.app, clock };
}

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client passes the limit, until the window turns', async () => {
    const { app, clock } = await limitedApp();
    for (let i = 0; i < 3; i += 1) expect((await app.inject('/items')).statusCode).toBe(200);

    const limited = await app.inject('/items');
    expect(limited.statusCode).toBe(429);
    // The window started at ...000 and the clock is 2 s into it: 8 s remain.
    expect(limited.headers['retry-after']).toBe('8');
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(limited.json().detail).toContain('the limit is 3 per 10 s');

    clock.now += 8_000;
    expect((await app.inject('/items')).statusCode).toBe(200);
  });

  it('never limits the health probes', async () => {
    const { app } = await limitedApp();
    for (let i = 0; i < 4; i += 1) await app.inject('/items');
    expect((await app.inject('/items')).statusCode).toBe(429);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
  });

  it('counts each client address on its own', async () => {
    const { app } = await limitedApp();
    for (let i = 0; i < 4; i += 1) await app.inject({ url: '/items', remoteAddress: '10.0.0.1' });
    expect((await app.inject({ url: '/items', remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    expect((await app.inject({ url: '/items', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted, so clients cannot pick their bucket', async () => {
    const { app } = await limitedApp();
    for (let i = 0; i < 4; i += 1) {
      await app.inject({
        url: '/items',
        remoteAddress: '10.0.0.9',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    }
    const res = await app.inject({
      url: '/items',
      remoteAddress: '10.0.0.9',
      headers: { 'x-forwarded-for': '203.0.113.200' },
    });
    expect(res.statusCode).toBe(429);
  });

  it('behind one trusted proxy (an ALB), limits the address the proxy saw', async () => {
    const { app } = await limitedApp({ TRUST_PROXY_HOPS: '1' });
    const from = (client: string, spoofed = '') => ({
      url: '/items',
      remoteAddress: '10.0.0.9',
      headers: { 'x-forwarded-for': spoofed ? `${spoofed}, ${client}` : client },
    });
    for (let i = 0; i < 4; i += 1) await app.inject(from('198.51.100.7', `192.0.2.${i}`));
    expect((await app.inject(from('198.51.100.7', '192.0.2.99'))).statusCode).toBe(429);
    expect((await app.inject(from('198.51.100.8'))).statusCode).toBe(200);
  });
});
