import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js';
import { lockItems, waitForBlockedQueries } from './helpers/table-lock.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 32: on SIGTERM readiness turns 503 at once, in-flight requests finish, the server and
// then the pool close, and the process exits 0 within the stop timeout.
let db: TestDatabase;
let server: SpawnedServer | undefined;

beforeEach(async () => {
  db = await createTestDatabase('drain');
});
afterEach(async () => {
  server?.kill();
  await db.drop();
});

/** The index of the first log line matching each message, in the order given. */
function positions(lines: readonly string[], messages: readonly string[]): number[] {
  return messages.map((m) => lines.findIndex((l) => l.includes(`"msg":"${m}`)));
}

describe('SIGTERM', () => {
  it('drains: readiness 503 at once, the request in flight gets 200, then exit 0', async () => {
    server = spawnServer({
      DATABASE_URL: db.url,
      SHUTDOWN_DELAY_MS: '1000',
      SHUTDOWN_TIMEOUT_MS: '8000',
      DATABASE_STATEMENT_TIMEOUT_MS: '10000',
    });
    const base = await server.url();
    const lock = await lockItems(db.url);
    let inFlight: Promise<Response>;
    try {
      inFlight = fetch(`${base}/items`);
      await waitForBlockedQueries(db.url);

      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await server.waitForLine(/"msg":"draining: readiness now fails"/);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(Date.now() - signalled).toBeLessThan(1_000);
      // Liveness stays green: the process is healthy, only leaving.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      // The blocked query now completes, while the server is closing.
      setTimeout(() => void lock.release(), 1_500);
    }
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);

    expect(await server.exited).toBe(0);
    const order = positions(server.lines, ['draining', 'server closed', 'database pool closed', 'stopped']);
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives up and exits 1 when draining outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    server = spawnServer({
      DATABASE_URL: db.url,
      SHUTDOWN_DELAY_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '1500',
      DATABASE_STATEMENT_TIMEOUT_MS: '20000',
    });
    const base = await server.url();
    const lock = await lockItems(db.url);
    try {
      void fetch(`${base}/items`).catch(() => undefined);
      await waitForBlockedQueries(db.url);
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(1);
      const took = Date.now() - signalled;
      expect(took).toBeGreaterThanOrEqual(1_400);
      expect(took).toBeLessThan(4_000);
      expect(server.lines.some((l) => l.includes('drain did not finish in time'))).toBe(true);
    } finally {
      await lock.release();
    }
  });
});
