import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForStatus } from './helpers/http.js';
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js';
import { lockItems, waitForBlockedQueries } from './helpers/table-lock.js';
import { adminQuery, createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 33: backends killed with pg_terminate_backend do not crash the process, and
// readiness recovers without a restart.
let db: TestDatabase;
let server: SpawnedServer;

beforeEach(async () => {
  db = await createTestDatabase('killed');
  server = spawnServer({ DATABASE_URL: db.url, RATE_LIMIT_MAX: '0', SHUTDOWN_DELAY_MS: '0' });
});
afterEach(async () => {
  server.kill();
  await db.drop();
});

/** Terminates every session the service has open on the test database; returns how many. */
async function terminateServiceBackends(): Promise<number> {
  // Two steps: in one WHERE clause Postgres may call pg_terminate_backend before the filters.
  const { rows } = await adminQuery(
    "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'slipway-api'",
    [db.name],
  );
  const pids = rows.map((r) => r.pid as number);
  await adminQuery('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
  return pids.length;
}

describe('killed database backends', () => {
  it('survives its idle connections being terminated and becomes ready again', async () => {
    const base = await server.url();
    // Concurrent requests leave several idle connections in the pool.
    const warm = await Promise.all(Array.from({ length: 6 }, () => fetch(`${base}/items`)));
    expect(warm.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);

    expect(await terminateServiceBackends()).toBeGreaterThan(0);
    await server.waitForLine(/idle database connection failed; it will be replaced/);

    await waitForStatus(`${base}/readyz`, 200, 5_000);
    expect((await fetch(`${base}/items`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it('answers 503 with Retry-After for a query whose backend is killed mid-flight, then recovers', async () => {
    const base = await server.url();
    const lock = await lockItems(db.url);
    try {
      const inFlight = fetch(`${base}/items`);
      await waitForBlockedQueries(db.url);
      expect(await terminateServiceBackends()).toBeGreaterThan(0);
      const res = await inFlight;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
    } finally {
      await lock.release();
    }
    await waitForStatus(`${base}/readyz`, 200, 5_000);
    expect((await fetch(`${base}/items`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
