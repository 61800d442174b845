import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../src/db/pool.js';
import { ITEM_QUERIES, ItemRepository } from '../src/items/repository.js';
import { seedItems, startTestApp, type TestApp } from './helpers/test-app.js';
import { testConfig } from './helpers/test-config.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// The queries behind the API: planned on the index, and the same text the benchmark's pgbench runs.
let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase('queries');
  t = await startTestApp(db.url);
  await seedItems(t.pool, 5_000);
  await t.pool.query('ANALYZE items');
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

/** The plan's node types, outermost first. */
async function planNodes(sql: string, values: unknown[]): Promise<string[]> {
  const inlined = sql.replace(/\$(\d+)/g, (_, n: string) => String(values[Number(n) - 1]));
  const { rows } = await t.pool.query(`EXPLAIN (FORMAT JSON) ${inlined}`);
  const nodes: string[] = [];
  const walk = (plan: { 'Node Type': string; Plans?: unknown[] }) => {
    nodes.push(plan['Node Type']);
    for (const child of plan.Plans ?? []) walk(child as typeof plan);
  };
  walk(rows[0]['QUERY PLAN'][0].Plan);
  return nodes;
}

describe('item queries', () => {
  it('reads the newest rows straight from the index, without sorting the table', async () => {
    const nodes = await planNodes(ITEM_QUERIES.list.text, [20]);
    expect(nodes).toContain('Index Scan');
    expect(nodes).not.toContain('Sort');
  });

  it('finds one row by primary key', async () => {
    expect(await planNodes(ITEM_QUERIES.find.text, [42])).toEqual(['Index Scan']);
  });

  it('prints created_at in UTC even when the database defaults to another zone', async () => {
    await t.pool.query(`ALTER DATABASE ${db.name} SET timezone = 'Asia/Kolkata'`);
    const pool = createPool(testConfig(db.url), { logger: { warn: () => undefined } });
    try {
      const repository = new ItemRepository(pool);
      const found = JSON.parse((await repository.findJson(1))!);
      const created = await repository.create({ name: 'x', quantity: 1 });
      const [newest] = JSON.parse(await repository.listJson(1));
      const { rows: truth } = await pool.query(
        "SELECT extract(epoch FROM created_at) * 1000 AS ms, current_setting('TimeZone') AS tz FROM items WHERE id = 1",
      );
      expect(truth[0].tz).toBe('UTC');
      expect(found.created_at).toMatch(/Z$/);
      expect(Date.parse(found.created_at)).toBe(Math.floor(Number(truth[0].ms)));
      // The row as columns (POST) and as JSON built by Postgres (GET) print the same instant alike.
      expect(created.created_at).toMatch(/Z$/);
      expect(newest).toEqual(created);
    } finally {
      await pool.end();
      await t.pool.query(`ALTER DATABASE ${db.name} RESET timezone`);
    }
  });

  it.each([
    ['pg-list.sql', ITEM_QUERIES.list.text, [20]],
    ['pg-one.sql', ITEM_QUERIES.find.text, [1]],
    ['pg-insert.sql', ITEM_QUERIES.insert.text, ["'paracetamol 500mg'", 2]],
  ])('bench/%s runs the service statement', (file, text, values) => {
    const script = readFileSync(fileURLToPath(new URL(`../bench/${file}`, import.meta.url)), 'utf8');
    const statement = script
      .split('\n')
      .filter((l) => !l.startsWith('--'))
      .join(' ')
      .trim()
      .replace(/;$/, '');
    const expected = text.replace(/\$(\d+)/g, (_, n: string) => String(values[Number(n) - 1]));
    expect(statement).toBe(expected);
  });
});
