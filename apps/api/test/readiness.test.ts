import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../src/db/pool.js';
import { Readiness } from '../src/health/readiness.js';
import { buildApp } from '../src/http/app.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testConfig } from './helpers/test-config.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 34: liveness touches no dependency; readiness runs SELECT 1 and answers within 2 s.
const quiet = { warn: () => undefined };

/** A TCP server that accepts connections and never says a word: a database that hangs. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The app against an unusable database, without migrating (it could not). */
function appWithoutDatabase(url: string) {
  const config = testConfig(url, { DATABASE_CONNECT_TIMEOUT_MS: '10000' });
  const pool = createPool(config, { logger: quiet });
  const app = buildApp({ config, pool, readiness: new Readiness() });
  const close = async () => {
    await app.close();
    await pool.end();
  };
  return { app, close };
}

describe('liveness and readiness', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase('ready');
    t = await startTestApp(db.url);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('is ready when SELECT 1 answers', async () => {
    const res = await t.app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('fails readiness, but not liveness, once draining starts', async () => {
    t.readiness.stopAccepting();
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().detail).toBe('The service is shutting down.');
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });

  it('stays live and turns unready when the database refuses connections', async () => {
    const { app, close } = appWithoutDatabase('postgres://nobody:pw@127.0.0.1:1/none');
    try {
      expect((await app.inject('/healthz')).statusCode).toBe(200);
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().detail).toContain('did not answer SELECT 1');
    } finally {
      await close();
    }
  });

  it('answers readiness within 2 s when the database hangs', async () => {
    const hung = await silentServer();
    const { app, close } = appWithoutDatabase(`postgres://nobody:pw@127.0.0.1:${hung.port}/none`);
    try {
      const live = Date.now();
      expect((await app.inject('/healthz')).statusCode).toBe(200);
      expect(Date.now() - live).toBeLessThan(200);

      const started = Date.now();
      const ready = await app.inject('/readyz');
      const took = Date.now() - started;
      expect(ready.statusCode).toBe(503);
      expect(took).toBeGreaterThanOrEqual(1_400);
      expect(took).toBeLessThan(2_000);
    } finally {
      await hung.close();
      await close();
    }
  });
});
