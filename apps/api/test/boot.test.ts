import { describe, expect, it } from 'vitest';
import { spawnServer } from './helpers/spawn-server.js';

describe('boot with a bad configuration', () => {
  it('exits 78 with one JSON line listing every problem and its fix', async () => {
    const server = spawnServer({
      DATABASE_URL: 'postgres://app:hunter2@db/shop',
      PORT: 'eighty',
      DATABASE_SSL: 'on',
    });
    try {
      expect(await server.exited).toBe(78);
      const fatal = server.lines.map((l) => JSON.parse(l)).find((l) => l.level === 'fatal');
      expect(fatal.problems).toEqual([
        expect.stringMatching(/^DATABASE_SSL="on" is not one of disable, require, verify-full\. Fix:/),
        expect.stringMatching(/^PORT="eighty" is not an integer from 0 to 65535\. Fix:/),
      ]);
      expect(server.lines.join('\n')).not.toContain('hunter2');
    } finally {
      server.kill();
    }
  });

  it('exits 78 when auth names a user pool but no clients', async () => {
    const server = spawnServer({
      DATABASE_URL: 'postgres://app:hunter2@db/shop',
      AUTH_USER_POOL_ID: 'eu-west-1_AbC123xyz',
    });
    try {
      expect(await server.exited).toBe(78);
      const fatal = server.lines.map((l) => JSON.parse(l)).find((l) => l.level === 'fatal');
      expect(fatal.problems).toEqual([expect.stringMatching(/^AUTH_CLIENT_IDS is not set.*Fix:/)]);
    } finally {
      server.kill();
    }
  });
});
