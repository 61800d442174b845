import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Migration, migrate, readMigrations } from '../src/db/migrate.js';
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 38: replicas started together apply each migration exactly once, and none crashes.
const quiet = { info: () => undefined };
let db: TestDatabase | undefined;
const pools: pg.Pool[] = [];
const servers: SpawnedServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) server.kill();
  await Promise.all(pools.splice(0).map((p) => p.end()));
  await db?.drop();
  db = undefined;
});

function migration(version: string, sql: string): Migration {
  return { version, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

function poolFor(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  return pool;
}

async function applied(url: string): Promise<string[]> {
  const { rows } = await poolFor(url).query('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((r) => r.version as string);
}

describe('migrations', () => {
  it('three concurrent runners apply each migration exactly once', async () => {
    db = await createTestDatabase('migrate');
    // Plain CREATE TABLE fails if run twice, and the sleep keeps the lock held while the others arrive.
    const set = [
      migration('0001_first.sql', 'CREATE TABLE first (id int); SELECT pg_sleep(0.3);'),
      migration('0002_second.sql', 'CREATE TABLE second (id int); INSERT INTO first VALUES (1);'),
    ];
    const url = db.url;
    const results = await Promise.all([0, 1, 2].map(() => migrate(poolFor(url), quiet, set)));

    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 2]);
    expect(results.map((r) => r.alreadyApplied).sort()).toEqual([0, 2, 2]);
    expect(await applied(url)).toEqual(['0001_first.sql', '0002_second.sql']);
    const { rows } = await poolFor(url).query('SELECT count(*)::int AS n FROM first');
    expect(rows[0].n).toBe(1);
  });

  it('rolls back a failing migration, records nothing, and says which one failed', async () => {
    db = await createTestDatabase('migrate');
    const set = [
      migration('0001_ok.sql', 'CREATE TABLE ok (id int);'),
      migration('0002_bad.sql', 'CREATE TABLE half (id int); SELECT * FROM missing;'),
    ];
    await expect(migrate(poolFor(db.url), quiet, set)).rejects.toThrow(
      'Migration 0002_bad.sql failed: relation "missing" does not exist',
    );
    expect(await applied(db.url)).toEqual(['0001_ok.sql']);
    const { rows } = await poolFor(db.url).query("SELECT to_regclass('half') AS t");
    expect(rows[0].t).toBeNull();
  });

  it('refuses to boot when an applied migration was edited', async () => {
    db = await createTestDatabase('migrate');
    await migrate(poolFor(db.url), quiet, [migration('0001_a.sql', 'CREATE TABLE a (id int);')]);
    await expect(
      migrate(poolFor(db.url), quiet, [migration('0001_a.sql', 'CREATE TABLE a (id bigint);')]),
    ).rejects.toThrow(
      'Migration 0001_a.sql was changed after it was applied. Fix: restore its original text and put the change in a new migration file.',
    );
  });

  it('ships migrations that create the items table', async () => {
    const shipped = await readMigrations();
    expect(shipped.map((m) => m.version)).toEqual([...shipped.map((m) => m.version)].sort());
    expect(shipped[0]?.sql).toContain('CREATE TABLE IF NOT EXISTS items');
  });

  it('three server processes started at once on an empty database all become ready', async () => {
    db = await createTestDatabase('migrate');
    const env = { DATABASE_URL: db.url, SHUTDOWN_DELAY_MS: '0' };
    servers.push(spawnServer(env), spawnServer(env), spawnServer(env));
    const urls = await Promise.all(servers.map((s) => s.url()));
    for (const url of urls) expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const shipped = (await readMigrations()).map((m) => m.version);
    expect(await applied(db.url)).toEqual(shipped);
    const appliedLines = servers.flatMap((s) =>
      s.lines.filter((l) => l.includes('"msg":"migration applied"')),
    );
    expect(appliedLines).toHaveLength(shipped.length);

    for (const server of servers) server.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0, 0]);
  });
});
