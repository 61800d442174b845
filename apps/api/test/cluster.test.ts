import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForStatus } from './helpers/http.js';
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// WEB_CONCURRENCY=2: a primary that migrates once, two workers sharing the port, drained together.
let db: TestDatabase;
let server: SpawnedServer;

beforeEach(async () => {
  db = await createTestDatabase('cluster');
  server = spawnServer({
    DATABASE_URL: db.url,
    WEB_CONCURRENCY: '2',
    SHUTDOWN_DELAY_MS: '0',
    RATE_LIMIT_MAX: '0',
  });
});
afterEach(async () => {
  server.kill();
  await db.drop();
});

const parsed = (lines: readonly string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
const listening = (lines: readonly string[]) =>
  lines.filter((l) => l.includes('Server listening at http://127.0.0.1'));

async function bothWorkersListening(): Promise<string> {
  const base = await server.url();
  const deadline = Date.now() + 20_000;
  while (listening(server.lines).length < 2 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  expect(listening(server.lines)).toHaveLength(2);
  return base;
}

describe('cluster mode', () => {
  it('migrates once in the primary, serves from two workers, and drains both on SIGTERM', async () => {
    const base = await bothWorkersListening();
    const primary = server.child.pid;
    const migrated = parsed(server.lines).filter((l) => l.msg === 'migration applied');
    expect(migrated.map((l) => l.pid)).toEqual([primary]);

    // New connections are handed to the workers in turn.
    for (let i = 0; i < 10; i += 1) {
      const res = await fetch(`${base}/items`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
    }
    const servedBy = new Set(
      parsed(server.lines)
        .filter((l) => l.url === '/items')
        .map((l) => l.pid),
    );
    expect(servedBy.size).toBe(2);
    expect(servedBy.has(primary)).toBe(false);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(parsed(server.lines).filter((l) => l.msg === 'stopped')).toHaveLength(2);
  });

  it('replaces a worker that dies', async () => {
    const base = await bothWorkersListening();
    const victim = parsed(server.lines).find((l) => String(l.msg).startsWith('Server listening'))!
      .pid as number;
    process.kill(victim, 'SIGKILL');
    await server.waitForLine(/worker exited unexpectedly; starting another/);
    const deadline = Date.now() + 20_000;
    while (listening(server.lines).length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(listening(server.lines)).toHaveLength(3);
    await waitForStatus(`${base}/readyz`, 200);
  });
});
