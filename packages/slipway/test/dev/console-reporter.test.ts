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
});
