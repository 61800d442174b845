import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/dev/data-dir-lock.js';
import { DevError } from '../../src/dev/dev-error.js';
import {
  type EmbeddedPostgres,
  hasDatabase,
  startEmbeddedPostgres,
} from '../../src/dev/embedded-postgres.js';
import { tempDir } from './helpers.js';

const run = promisify(execFile);

/**
 * Runs SQL through psql, a separate client on a real socket. Asynchronous on purpose: the
 * database answers from this very process, so a blocking call would wait on itself.
 */
async function psql(url: string, sql: string): Promise<string[]> {
  const { stdout } = await run('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  });
  return stdout.split('\n').filter((line) => line !== '');
}

describe('startEmbeddedPostgres', () => {
  const dataDir = path.join(tempDir('pglite'), 'main');
  let db: EmbeddedPostgres;

  beforeAll(async () => {
    db = await startEmbeddedPostgres({ dataDir, databaseName: 'medications', user: 'medications_app' });
  });
  afterAll(async () => {
    await db?.stop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('serves the wire protocol on loopback, with the cloud names in the URL', async () => {
    expect(db.url).toBe(
      `postgres://medications_app:postgres@127.0.0.1:${db.port}/medications?sslmode=disable`,
    );
    expect(await psql(db.url, 'SELECT 40 + 2')).toEqual(['42']);
    expect(hasDatabase(dataDir)).toBe(true);
  });

  it('takes and releases the advisory lock migrations run under', async () => {
    const lines = await psql(
      db.url,
      "SELECT pg_advisory_lock(727001384); SELECT objid FROM pg_locks WHERE locktype = 'advisory'; " +
        "SELECT pg_advisory_unlock(727001384); SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'",
    );
    expect(lines).toEqual(['727001384', 't', '0']);
  });

  it('gives each new connection a fresh session: prepared statements, settings and locks do not carry over', async () => {
    await psql(
      db.url,
      'PREPARE items_list AS SELECT 1; SET statement_timeout = 77; SELECT pg_advisory_lock(1)',
    );
    const next = await psql(
      db.url,
      "PREPARE items_list AS SELECT 2; EXECUTE items_list; SHOW statement_timeout; SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'",
    );
    expect(next).toEqual(['2', '0', '0']);
  });

  it('keeps the data when stopped and opened again', async () => {
    await psql(db.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await db.stop();
    db = await startEmbeddedPostgres({ dataDir, databaseName: 'medications', user: 'medications_app' });
    expect(await psql(db.url, 'SELECT note FROM kept')).toEqual(['still here']);
  });
});

describe('lockDataDir', () => {
  it('refuses a folder another run holds, naming the fix, and frees it on release', () => {
    const dir = tempDir('lock');
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DevError);
    expect(() => lockDataDir(dir)).toThrow(/is in use by another `slipway dev`.*--data-dir/);
    release();
    let again: () => void = () => undefined;
    expect(() => {
      again = lockDataDir(dir);
    }).not.toThrow();
    again();
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tempDir('stale-lock');
    writeFileSync(path.join(dir, 'slipway-dev.pid'), '99999999\n');
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'slipway-dev.pid'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, 'slipway-dev.pid'))).toBe(false);
  });
});
