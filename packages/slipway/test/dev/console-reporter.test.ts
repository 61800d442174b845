import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { consoleReporter } from '../../src/dev/console-reporter.js';

describe('consoleReporter', () => {
  it('prefixes each service line with its name, padded so services line up, and keeps them on stdout', () => {
    let out = '';
    let err = '';
    const report = consoleReporter({
      out: (text) => {
        out += text;
      },
      err: (text) => {
        err += text;
      },
    });
    report({ kind: 'starting', app: 'shop', environment: 'dev', services: ['api', 'worker'] });
    report({ kind: 'log', service: 'api', stream: 'stdout', line: 'listening' });
    report({ kind: 'log', service: 'worker', stream: 'stderr', line: 'polling' });
    report({
      kind: 'service-ready',
      service: { name: 'api', url: 'http://localhost:3000', port: 3000 },
      seconds: 1.25,
    });
    const lines = stripVTControlCharacters(out).split('\n');
    expect(lines.slice(0, 2)).toEqual(['api    │ listening', 'worker │ polling']);
    expect(err).toContain('http://localhost:3000');
    expect(err).not.toContain('listening');
  });

  it("lines a function's output up with the services, notes its calls, and lists tables and functions among what runs", () => {
    let out = '';
    let err = '';
    const report = consoleReporter({
      out: (text) => {
        out += text;
      },
      err: (text) => {
        err += text;
      },
    });
    report({ kind: 'starting', app: 'orders', environment: 'dev', services: ['api'], functions: ['notify'] });
    report({ kind: 'log', service: 'api', stream: 'stdout', line: 'listening' });
    report({ kind: 'log', service: 'notify', stream: 'stdout', line: 'order placed' });
    report({ kind: 'function-called', function: 'notify', records: 2, failed: 1, attempt: 1, seconds: 0.5 });
    report({
      kind: 'function-called',
      function: 'notify',
      records: 1,
      failed: 1,
      attempt: 2,
      seconds: 0.4,
      error: 'the handler threw: boom',
    });
    report({
      kind: 'function-skipped',
      function: 'alerts',
      reason: 'functions.alerts is fed by topic a; topics are not delivered locally',
    });
    const endpoint = 'http://127.0.0.1:4566';
    report({
      kind: 'ready',
      services: [{ name: 'api', url: 'http://localhost:3000', port: 3000 }],
      databases: [],
      tables: [{ name: 'orders', tableName: 'orders-dev-orders', created: true, endpoint }],
      functions: [{ name: 'notify', table: 'orders' }],
    });
    expect(stripVTControlCharacters(out).split('\n').slice(0, 2)).toEqual([
      'api    │ listening',
      'notify │ order placed',
    ]);
    const notes = stripVTControlCharacters(err);
    expect(notes).toContain('! notify called with 2 records: 1 to retry');
    expect(notes).toContain('✗ notify called with 1 record (retry 1): the handler threw: boom');
    expect(notes).toContain('– functions.alerts is fed by topic a; topics are not delivered locally');
    expect(notes).toMatch(/table orders\s+orders-dev-orders on http:\/\/127\.0\.0\.1:4566/);
    expect(notes).toMatch(/function notify\s+stream of table orders/);
  });
});
