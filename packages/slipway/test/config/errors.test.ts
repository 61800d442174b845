import { describe, expect, it } from 'vitest';
import { ConfigError, joinPath, renderIssues } from '../../src/config/errors.js';

describe('ConfigError', () => {
  const issues = [
    {
      path: 'environments.prod.databases.main.backupRetentionDays',
      message: '3 is outside 7–35 days for a production environment',
      fix: 'set it between 7 and 35',
    },
    { path: 'services.web.port', message: '0 is not a TCP port.', fix: 'use 1–65535.' },
  ];

  it('renders one line per issue as "path: problem. Fix: fix."', () => {
    const error = new ConfigError(issues);
    expect(error.message.split('\n')).toEqual([
      'environments.prod.databases.main.backupRetentionDays: 3 is outside 7–35 days for a production environment. Fix: set it between 7 and 35.',
      'services.web.port: 0 is not a TCP port. Fix: use 1–65535.',
    ]);
    expect(error.issues).toBe(issues);
    expect(error.name).toBe('ConfigError');
  });

  it('names the file for issues about the file itself and keeps it on the error', () => {
    const error = new ConfigError([
      { path: '', message: 'has no default export', fix: 'export the config' },
    ]).withFile('app/slipway.config.ts');
    expect(error.file).toBe('app/slipway.config.ts');
    expect(error.message).toBe('app/slipway.config.ts: has no default export. Fix: export the config.');
    expect(error).toBeInstanceOf(Error);
  });

  it('joins keys with dots and list positions with brackets', () => {
    expect(joinPath('services', 'web', 'paths', 0)).toBe('services.web.paths[0]');
    expect(renderIssues([])).toBe('');
  });
});
