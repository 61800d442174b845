import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 35: malformed JSON and schema violations get a 400 problem body, oversized bodies a 413.
let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase('bad');
  t = await startTestApp(db.url, { BODY_LIMIT_BYTES: '1024', RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const postRaw = (payload: string, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/items', headers: { 'content-type': contentType }, payload });

/** Asserts an RFC 9457 problem response and returns its body. */
function expectProblem(res: Awaited<ReturnType<typeof postRaw>>, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = res.json();
  expect(body).toEqual({
    type: 'about:blank',
    title: expect.any(String),
    status,
    detail: expect.any(String),
    error: body.detail,
  });
  return body;
}

describe('malformed bodies', () => {
  it.each(['{"name":', '{name: "x"}', "{'name':'x'}", '{"name":"x","quantity":3}}', 'nul'])(
    'answers 400 for %j',
    async (payload) => {
      const body = expectProblem(await postRaw(payload), 400);
      expect(body.detail).toContain('not valid JSON');
    },
  );

  it('answers 400 for an empty JSON body', async () => {
    expectProblem(await postRaw(''), 400);
  });

  it('refuses prototype poisoning instead of merging it', async () => {
    expectProblem(await postRaw('{"name":"x","quantity":1,"__proto__":{"admin":true}}'), 400);
  });

  it('answers 415 with the fix when the body is not sent as JSON', async () => {
    const body = expectProblem(await postRaw('name=x&quantity=1', 'application/x-www-form-urlencoded'), 415);
    expect(body.detail).toContain('Content-Type: application/json');
  });

  it('answers a schema violation with a 400 problem naming the field', async () => {
    const body = expectProblem(await postRaw('{"name":"x","quantity":"lots"}'), 400);
    expect(body.detail).toBe('quantity must be an integer between 1 and 1000000');
  });
});

describe('body size limit', () => {
  it('answers 413 above BODY_LIMIT_BYTES and names the limit', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(2_000), quantity: 1 });
    const body = expectProblem(await postRaw(payload), 413);
    expect(body.detail).toBe('The request body is larger than 1024 bytes.');
  });

  it('still accepts a body just under the limit', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(150), quantity: 1, note: 'y'.repeat(800) });
    expect(Buffer.byteLength(payload)).toBeLessThan(1024);
    expect((await postRaw(payload)).statusCode).toBe(201);
  });
});

describe('unknown routes and methods', () => {
  it('answers 404 with a problem body', async () => {
    const res = await t.app.inject('/nope');
    expectProblem(res, 404);
  });

  it('echoes a sane x-request-id and replaces an unsafe one', async () => {
    const kept = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'evil\u0000id with spaces' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
