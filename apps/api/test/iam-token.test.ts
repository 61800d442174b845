import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config/service-config.js';
import { cachedToken, rdsIamToken } from '../src/db/iam-token.js';

const MINUTE = 60_000;

/** A token minter that counts its calls and can be told to fail. */
function minter() {
  const state = { calls: 0, fail: false };
  const mint = async () => {
    state.calls += 1;
    if (state.fail) throw new Error('credentials unavailable');
    return `token-${state.calls}`;
  };
  return { state, mint };
}

describe('cachedToken', () => {
  it('reuses a token for ten minutes, then mints a new one', async () => {
    const clock = { now: 0 };
    const { state, mint } = minter();
    const password = cachedToken(mint, { now: () => clock.now });
    expect(await password()).toBe('token-1');
    clock.now = 9 * MINUTE;
    expect(await password()).toBe('token-1');
    clock.now = 10 * MINUTE + 1;
    expect(await password()).toBe('token-2');
    expect(state.calls).toBe(2);
  });

  it('shares one signing call between connections opened together', async () => {
    const { state, mint } = minter();
    const password = cachedToken(mint);
    expect(await Promise.all([password(), password(), password()])).toEqual([
      'token-1',
      'token-1',
      'token-1',
    ]);
    expect(state.calls).toBe(1);
  });

  it('keeps using a still-valid token when a refresh fails, and fails once it would be expired', async () => {
    const clock = { now: 0 };
    const { state, mint } = minter();
    const password = cachedToken(mint, { now: () => clock.now });
    await password();
    state.fail = true;
    clock.now = 11 * MINUTE;
    expect(await password()).toBe('token-1');
    clock.now = 14 * MINUTE + 1;
    await expect(password()).rejects.toThrow('credentials unavailable');
  });
});

describe('rdsIamToken', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('signs an rds-db connect token for the configured host, port, user and region', async () => {
    // Fake static keys: signing is local, nothing is sent anywhere.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    const { database } = loadConfig({
      DATABASE_HOST: 'db.abc123.eu-west-1.rds.amazonaws.com',
      DATABASE_PORT: '5432',
      DATABASE_NAME: 'shop',
      DATABASE_USER: 'app_user',
      DATABASE_IAM_AUTH: 'true',
      AWS_REGION: 'eu-west-1',
    });
    const token = await rdsIamToken(database, 'eu-west-1')();
    expect(token.startsWith('db.abc123.eu-west-1.rds.amazonaws.com:5432/?')).toBe(true);
    const query = new URLSearchParams(token.slice(token.indexOf('?') + 1));
    expect(query.get('Action')).toBe('connect');
    expect(query.get('DBUser')).toBe('app_user');
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(query.get('X-Amz-Credential')).toContain('/eu-west-1/rds-db/aws4_request');
  });
});
