import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../src/service.js';
import { LogLines } from './helpers/log-lines.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { testConfig } from './helpers/test-config.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 37: one JSON line per request with request id, level and status; passwords and
// Authorization headers never reach the log.
let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase('logs');
  // Debug level logs request headers too: the case where redaction matters most.
  t = await startTestApp(db.url, { LOG_LEVEL: 'debug', RATE_LIMIT_MAX: '0' });
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

describe('request log', () => {
  it('writes exactly one JSON line per request, with id, level, status and duration', async () => {
    const before = t.logs.raw.length;
    const res = await t.app.inject({ url: '/items?limit=2', headers: { 'x-amzn-trace-id': 'Root=1-abc' } });
    const lines = t.logs.raw.slice(before).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      reqId: res.headers['x-request-id'],
      method: 'GET',
      url: '/items?limit=2',
      statusCode: 200,
      traceId: 'Root=1-abc',
      msg: 'request',
    });
    expect(lines[0].durationMs).toBeTypeOf('number');
    expect(lines[0].time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('logs client errors at info and one line each', async () => {
    const before = t.logs.raw.length;
    await t.app.inject('/items/404404');
    await t.app.inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    const lines = t.logs.raw.slice(before).map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.level, l.statusCode])).toEqual([
      ['info', 404],
      ['info', 400],
    ]);
  });

  it('redacts Authorization and Cookie headers and never logs request bodies', async () => {
    const before = t.logs.raw.length;
    await t.app.inject({
      method: 'POST',
      url: '/items',
      headers: {
        authorization: 'Bearer tok-9f8e7d',
        cookie: 'session=cookie-5a4b',
        'content-type': 'application/json',
      },
      payload: { name: 'x', quantity: 1, password: 'body-pw-1c2d' },
    });
    const text = t.logs.raw.slice(before).join('\n');
    const line = JSON.parse(t.logs.raw[before]!);
    expect(line.headers.authorization).toBe('[Redacted]');
    expect(line.headers.cookie).toBe('[Redacted]');
    expect(line.headers['content-type']).toBe('application/json');
    for (const secret of ['tok-9f8e7d', 'cookie-5a4b', 'body-pw-1c2d']) expect(text).not.toContain(secret);
  });

  it('redacts password fields wherever a log call puts them', () => {
    const before = t.logs.raw.length;
    t.app.log.warn(
      { password: 'a-1', database: { password: 'b-2' }, db: { auth: { password: 'c-3' } } },
      'careless',
    );
    const text = t.logs.raw.slice(before).join('\n');
    expect(text).toContain('careless');
    for (const secret of ['a-1', 'b-2', 'c-3']) expect(text).not.toContain(secret);
  });
});

describe('request log at info level', () => {
  it('writes the same fields in the same order for every plain request, secrets left out', async () => {
    const info = await startTestApp(db.url, { LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0' });
    try {
      const ok = await info.app.inject({
        url: '/items?limit=2',
        headers: { 'x-amzn-trace-id': 'Root=1-def', authorization: 'Bearer tok-3e4f' },
      });
      const missing = await info.app.inject('/nowhere');
      expect(info.logs.raw).toHaveLength(2);
      const [okLine, missingLine] = info.logs.parsed;
      const fields = ['level', 'time', 'pid', 'hostname', 'reqId', 'method', 'url', 'statusCode'];
      expect(Object.keys(okLine!)).toEqual([...fields, 'durationMs', 'remoteAddress', 'traceId', 'msg']);
      expect(Object.keys(missingLine!)).toEqual([...fields, 'durationMs', 'remoteAddress', 'msg']);
      expect(okLine).toMatchObject({
        level: 'info',
        reqId: ok.headers['x-request-id'],
        method: 'GET',
        url: '/items?limit=2',
        statusCode: 200,
        remoteAddress: '127.0.0.1',
        traceId: 'Root=1-def',
        msg: 'request',
      });
      expect(missingLine).toMatchObject({ reqId: missing.headers['x-request-id'], statusCode: 404 });
      expect(info.logs.raw.join('\n')).not.toContain('tok-3e4f');
    } finally {
      await info.close();
    }
  });
});

describe('boot log', () => {
  it('describes the configuration without the database password', async () => {
    const logs = new LogLines();
    const config = testConfig(db.url, { LOG_LEVEL: 'info' });
    const password = decodeURIComponent(new URL(db.url).password);
    expect(password.length).toBeGreaterThan(0);
    const service = await startService(config, { logStream: logs });
    await service.stop();
    const starting = logs.parsed.find((l) => l.msg === 'starting');
    expect(starting).toMatchObject({ database: { source: 'DATABASE_URL', auth: 'password', name: db.name } });
    expect(logs.raw.join('\n')).not.toContain(password);
  });
});
