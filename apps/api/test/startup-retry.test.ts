import { describe, expect, it } from 'vitest';
import { classifyDatabaseError } from '../src/db/database-errors.js';
import { retryWhileUnavailable } from '../src/lifecycle/startup-retry.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const silent = { warn: () => undefined };

describe('retryWhileUnavailable', () => {
  it('waits out a database that is still starting', async () => {
    let attempts = 0;
    const result = await retryWhileUnavailable(
      async () => {
        attempts += 1;
        if (attempts < 3) throw refused;
        return 'migrated';
      },
      { log: silent, timeoutMs: 5_000 },
    );
    expect(result).toBe('migrated');
    expect(attempts).toBe(3);
  });

  it('fails at once on an error retrying cannot fix', async () => {
    let attempts = 0;
    const broken = Object.assign(new Error('syntax error at or near "CRATE"'), { code: '42601' });
    await expect(
      retryWhileUnavailable(
        async () => {
          attempts += 1;
          throw broken;
        },
        { log: silent },
      ),
    ).rejects.toBe(broken);
    expect(attempts).toBe(1);
  });

  it('gives up after its timeout', async () => {
    const started = Date.now();
    await expect(
      retryWhileUnavailable(
        async () => {
          throw refused;
        },
        { log: silent, timeoutMs: 600 },
      ),
    ).rejects.toBe(refused);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('classifyDatabaseError', () => {
  it.each([
    [{ code: '57014' }, 'timeout'],
    [{ code: '57P01' }, 'unavailable'],
    [{ code: '08006' }, 'unavailable'],
    [{ code: '28P01' }, 'unavailable'],
    [{ code: 'ECONNRESET' }, 'unavailable'],
    [new Error('timeout exceeded when trying to connect'), 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [{ code: '23505' }, undefined],
    [new Error('boom'), undefined],
    ['not an error', undefined],
  ])('classifies %j as %s', (error, expected) => {
    expect(classifyDatabaseError(error)).toBe(expected);
  });
});
