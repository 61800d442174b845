import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedItems, startTestApp, type TestApp } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// The contract of the baseline items API (limits, 404, validation), which this service must match.
let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase('contract');
  t = await startTestApp(db.url, { RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const post = (payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/items',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

describe('GET /items', () => {
  beforeEach(() => seedItems(t.pool, 150));

  it('returns the 20 newest rows by default, newest first', async () => {
    const res = await t.app.inject('/items');
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ id: number }[]>().map((item) => item.id);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => 150 - i));
  });

  it('breaks created_at ties by id, highest first', async () => {
    await t.pool.query("UPDATE items SET created_at = '2025-01-01T00:00:00Z' WHERE id IN (148, 149, 150)");
    await t.pool.query("UPDATE items SET created_at = '2030-01-01T00:00:00Z' WHERE id IN (3, 7)");
    const res = await t.app.inject('/items?limit=3');
    expect(res.json<{ id: number }[]>().map((item) => item.id)).toEqual([7, 3, 147]);
  });

  it('honours limit and caps it at 100', async () => {
    expect((await t.app.inject('/items?limit=5')).json()).toHaveLength(5);
    expect((await t.app.inject('/items?limit=100')).json()).toHaveLength(100);
    expect((await t.app.inject('/items?limit=1000')).json()).toHaveLength(100);
  });

  it.each([
    ['abc', 'limit must be an integer'],
    ['1.5', 'limit must be an integer'],
    ['', 'limit must be an integer'],
    ['0', 'limit must be >= 1'],
    ['-3', 'limit must be >= 1'],
  ])('refuses limit=%j with 400', async (limit, message) => {
    const res = await t.app.inject(`/items?limit=${encodeURIComponent(limit)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, error: message });
  });
});

describe('GET /items/:id', () => {
  beforeEach(() => seedItems(t.pool, 3));

  it('returns the row with an ISO 8601 created_at', async () => {
    const res = await t.app.inject('/items/2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ id: 2, name: 'medication-2', quantity: 15, created_at: expect.any(String) });
    expect(body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/);
    expect(Date.parse(body.created_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it.each(['99', 'abc', '-1', '99999999999'])(
    'answers 404 {"error":"not found"} for /items/%s',
    async (id) => {
      const res = await t.app.inject(`/items/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not found', status: 404 });
    },
  );
});

describe('POST /items', () => {
  it('stores a trimmed name and answers 201 with the row', async () => {
    const res = await post({ name: '  ibuprofen 200mg \n', quantity: 3 });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'ibuprofen 200mg', quantity: 3 });
    const fetched = await t.app.inject(`/items/${created.id}`);
    expect(fetched.json()).toEqual(created);
  });

  it('accepts the boundaries: 200 characters (emoji count once) and quantities 1 and 1000000', async () => {
    expect((await post({ name: 'x'.repeat(200), quantity: 1 })).statusCode).toBe(201);
    expect((await post({ name: '💊'.repeat(200), quantity: 1_000_000 })).statusCode).toBe(201);
  });

  const nameRule = 'name must be a non-empty string of at most 200 characters';
  const quantityRule = 'quantity must be an integer between 1 and 1000000';
  it.each([
    [{ name: '', quantity: 1 }, nameRule],
    [{ name: '   ', quantity: 1 }, nameRule],
    [{ name: 'x'.repeat(201), quantity: 1 }, nameRule],
    [{ name: ` ${'x'.repeat(200)}`, quantity: 1 }, nameRule],
    [{ name: 42, quantity: 1 }, nameRule],
    [{ quantity: 1 }, nameRule],
    [{ name: 'x', quantity: '3' }, quantityRule],
    [{ name: 'x', quantity: true }, quantityRule],
    [{ name: 'x', quantity: 1.5 }, quantityRule],
    [{ name: 'x', quantity: 0 }, quantityRule],
    [{ name: 'x', quantity: 1_000_001 }, quantityRule],
    [{ name: 'x' }, quantityRule],
    [[1, 2], 'body must be a JSON object'],
    [null, 'body must be a JSON object'],
    ['text', 'body must be a JSON object'],
  ])('refuses %j with 400', async (body, message) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, error: message });
  });

  it('stores nothing when it refuses', async () => {
    const before = (await t.pool.query('SELECT count(*)::int AS n FROM items')).rows[0].n;
    await post({ name: '', quantity: 1 });
    await post({ name: 'x', quantity: 0 });
    expect((await t.pool.query('SELECT count(*)::int AS n FROM items')).rows[0].n).toBe(before);
  });
});

describe('liveness', () => {
  it('answers {"status":"ok"}', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
