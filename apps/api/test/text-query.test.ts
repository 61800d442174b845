import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../src/db/pool.js';
import { queryText } from '../src/db/text-query.js';
import { testConfig } from './helpers/test-config.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// The lean query the two reads use: one text value per statement, on a pooled, prepared connection.
let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase('textquery');
  pool = createPool(testConfig(db.url, { DATABASE_POOL_MAX: '1' }), { logger: { warn: () => undefined } });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const echo = { name: 'test_echo', text: 'SELECT $1::text || $2::text FROM generate_series(1, $3::int)' };

describe('queryText', () => {
  it("answers the first row's first column as sent, or null without a row", async () => {
    expect(await queryText(pool, echo, ['{"a":', '1}', 3])).toBe('{"a":1}');
    expect(await queryText(pool, echo, ['a', 'b', 0])).toBeNull();
    expect(await queryText(pool, { name: 'test_null', text: 'SELECT NULL::text' }, [])).toBeNull();
  });

  it('prepares a statement once per connection, then only binds and executes it', async () => {
    for (let i = 0; i < 3; i++) expect(await queryText(pool, echo, ['x', String(i), 1])).toBe(`x${i}`);
    const { rows } = await pool.query(
      "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'test_echo'",
    );
    expect(rows[0].n).toBe(1);
  });

  it('rejects with the database error and gives its connection back', async () => {
    const failing = { name: 'test_fail', text: 'SELECT (1 / $1::int)::text' };
    await expect(queryText(pool, failing, [0])).rejects.toMatchObject({ code: '22012' });
    // The pool holds a single connection: both answers below need it back.
    expect(await queryText(pool, failing, [1])).toBe('1');
    expect(pool.totalCount).toBe(1);
    expect(pool.idleCount).toBe(1);
  });

  it("gives up at the client's query_timeout when the database goes silent", async () => {
    // statement_timeout 300 ms gives a query_timeout of 2.3 s; switching the first off for the
    // session leaves the client-side limit alone, as on a network that stopped delivering.
    const silent = createPool(
      testConfig(db.url, { DATABASE_POOL_MAX: '1', DATABASE_STATEMENT_TIMEOUT_MS: '300' }),
      {
        logger: { warn: () => undefined },
      },
    );
    try {
      await silent.query('SET statement_timeout = 0');
      const started = Date.now();
      await expect(
        queryText(silent, { name: 'test_sleep', text: 'SELECT pg_sleep(10)::text' }, []),
      ).rejects.toThrow('Query read timeout');
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      // The stuck connection was dropped; the pool answers on a new one.
      expect(await queryText(silent, echo, ['ok', '', 1])).toBe('ok');
    } finally {
      await silent.end();
    }
  });
});
