import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { startDev } from '../../src/dev/start-dev.js';
import { MEDICATIONS_CONFIG, REPO_ROOT, recorder, tempDir } from './helpers.js';

const run = promisify(execFile);
const CLUSTER_SCRIPT = path.join(REPO_ROOT, 'scripts/postgres/temp-cluster.sh');

async function psql(url: string, sql: string): Promise<string[]> {
  const { stdout } = await run('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  });
  return stdout.split('\n').filter((line) => line !== '');
}

/**
 * A PostgreSQL server for the test: the one in TEST_DATABASE_URL when the run provides one (its
 * user needs CREATEDB), otherwise a private cluster started the way the sample service's tests
 * start theirs. Either way the test gets a database of its own.
 */
async function provideServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) return { adminUrl: given, stop: async () => undefined };
  const dir = tempDir('cluster');
  const { stdout } = await run('bash', [CLUSTER_SCRIPT, 'start', dir], {
    env: { ...process.env, PG_FAST: '1' },
  });
  return {
    adminUrl: stdout.trim(),
    stop: async () => {
      await run('bash', [CLUSTER_SCRIPT, 'stop', dir]);
    },
  };
}

describe('startDev with --database-url', () => {
  const database = `slipway_dev_${process.pid}`;
  let server: Awaited<ReturnType<typeof provideServer>>;
  let url: string;

  beforeAll(async () => {
    server = await provideServer();
    await psql(server.adminUrl, `CREATE DATABASE ${database}`);
    const parsed = new URL(server.adminUrl);
    parsed.pathname = `/${database}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    await psql(server.adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await server?.stop();
  });

  it('runs the sample service against the given server, with its usual pool and no embedded database', async () => {
    const model = await loadConfig(MEDICATIONS_CONFIG);
    const dataDir = path.join(tempDir('unused'), 'data');
    const log = recorder();
    const session = await startDev(model, {
      configDir: path.dirname(MEDICATIONS_CONFIG),
      databaseUrl: url,
      basePort: 0,
      dataDir,
      reporter: log.reporter,
    });
    try {
      const api = session.services[0]!;
      const created = await fetch(`${api.url}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'paracetamol', quantity: 7 }),
      });
      expect(created.status).toBe(201);
      expect(await psql(url, 'SELECT name, quantity FROM items')).toEqual(['paracetamol|7']);
      expect(await psql(url, 'SELECT version FROM schema_migrations')).toEqual(['0001_create_items.sql']);

      expect(session.databases).toEqual([
        { name: 'main', url: url.replace(/:[^:@/]+@/, ':***@'), embedded: false },
      ]);
      expect(log.of('service-starting')[0]?.variables).not.toContain('DATABASE_POOL_MAX');
      expect(log.lines('api').join('\n')).toMatch(/"pool":\{"max":10,/);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await session.stop();
    }
  });
});
