import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcAsZ } from '../src/items/repository.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// GET /items and GET /items/:id send the JSON Postgres builds. Their bodies must be byte for byte
// what serialising the same rows, read as columns, gives: same keys in the same order, no spaces,
// the same string escapes, created_at as ISO 8601 with Z and as many fraction digits as it has.
let db: TestDatabase;
let t: TestApp;

// Names that exercise every escape rule, and two that look like the end of a UTC timestamp.
const NAMES = [
  'plain',
  'say "hi"',
  'back\\slash',
  'tab\tnew\nline\rreturn',
  'controls \u0001\u0008\u000c\u001f and del \u007f',
  'accents é ü, emoji 💊, separators \u2028\u2029',
  '</script><b>&amp;</b>',
  'ends like a timestamp +00:00"}',
  'x+00:00',
  'ünïcödé +00:00',
];
// Whole seconds, trailing zeros, full microseconds, and no timestamp at all.
const CREATED = [
  '2025-01-31 12:00:00+00',
  '2025-01-31 12:00:00.5+00',
  '2025-01-31 12:00:00.120+00',
  '2025-01-31 12:00:00.123456+00',
  '2025-01-31 12:00:00.000001+00',
  null,
];

/** The rows as the pool's column parsers read them (created_at already ISO 8601 with Z). */
async function asColumns(where: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const { rows } = await t.pool.query(`SELECT id, name, quantity, created_at FROM items ${where}`, values);
  return rows;
}

beforeAll(async () => {
  db = await createTestDatabase('bodies');
  t = await startTestApp(db.url, { RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

describe('JSON built by Postgres', () => {
  it('answers [] for an empty table', async () => {
    await t.pool.query('TRUNCATE items RESTART IDENTITY');
    const res = await t.app.inject('/items');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toBe('[]');
  });

  it('lists exactly the bytes the rows serialise to, newest first', async () => {
    await t.pool.query('TRUNCATE items RESTART IDENTITY');
    for (const [i, name] of NAMES.entries()) {
      await t.pool.query('INSERT INTO items (name, quantity, created_at) VALUES ($1, $2, $3)', [
        name,
        i + 1,
        CREATED[i % CREATED.length],
      ]);
    }
    const res = await t.app.inject('/items?limit=100');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const expected = await asColumns('ORDER BY created_at DESC, id DESC');
    expect(res.body).toBe(JSON.stringify(expected));
    expect(res.json()).toHaveLength(NAMES.length);
    expect(res.body).toContain('"created_at":"2025-01-31T12:00:00.12Z"');
    expect(res.body).toContain('"created_at":null');
    expect(res.body).toContain('"name":"ends like a timestamp +00:00\\"}"');

    const limited = await t.app.inject('/items?limit=3');
    expect(limited.body).toBe(JSON.stringify(expected.slice(0, 3)));
  });

  it('answers each item with exactly the bytes its row serialises to', async () => {
    for (const row of await asColumns('ORDER BY id')) {
      const res = await t.app.inject(`/items/${String(row.id)}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toBe(JSON.stringify(row));
    }
  });

  it('serves a POSTed item back unchanged, alone and in the list', async () => {
    // A NULL created_at sorts first in a descending listing: start from an empty table.
    await t.pool.query('TRUNCATE items RESTART IDENTITY');
    const posted = await t.app.inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
      payload: { name: 'posted "quoted" \\ name', quantity: 7 },
    });
    expect(posted.statusCode).toBe(201);
    const created = posted.json<{ id: number }>();
    expect((await t.app.inject(`/items/${created.id}`)).body).toBe(posted.body);
    expect((await t.app.inject('/items?limit=1')).body).toBe(`[${posted.body}]`);
  });
});

describe('utcAsZ', () => {
  it('writes UTC created_at values with Z and leaves names and other offsets alone', () => {
    expect(utcAsZ('{"id":1,"name":"a","quantity":2,"created_at":"2025-01-31T12:00:00.5+00:00"}')).toBe(
      '{"id":1,"name":"a","quantity":2,"created_at":"2025-01-31T12:00:00.5Z"}',
    );
    const untouched = [
      '{"id":1,"name":"x+00:00\\"}","quantity":2,"created_at":"2025-01-31T17:30:00+05:30"}',
      '{"id":1,"name":"x+00:00","quantity":2,"created_at":null}',
    ];
    for (const json of untouched) expect(utcAsZ(json)).toBe(json);
  });
});
