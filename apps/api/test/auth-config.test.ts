import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config-error.js';
import { loadConfig } from '../src/config/service-config.js';

const DATABASE = { DATABASE_URL: 'postgres://app:secret@db.internal/shop' };

/** The problems loadConfig reports for an environment (empty when it is valid). */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({ ...DATABASE, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('auth settings', () => {
  it('is off when no AUTH_ variable is set', () => {
    expect(loadConfig(DATABASE).auth).toBeUndefined();
  });

  it('reads the pool, the client list, the scope and a key set address', () => {
    const { auth } = loadConfig({
      ...DATABASE,
      AUTH_USER_POOL_ID: 'eu-west-1_AbC123xyz',
      AUTH_CLIENT_IDS: ' spa-client , orders-service,,',
      AUTH_WRITE_SCOPE: 'items/write',
      AUTH_JWKS_URL: 'http://127.0.0.1:9000/jwks.json',
    });
    expect(auth).toEqual({
      userPoolId: 'eu-west-1_AbC123xyz',
      clientIds: ['spa-client', 'orders-service'],
      writeScope: 'items/write',
      jwksUrl: 'http://127.0.0.1:9000/jwks.json',
    });
  });

  it('leaves the scope and the key set address out when unset', () => {
    const { auth } = loadConfig({ ...DATABASE, AUTH_USER_POOL_ID: 'us-gov-west-1_x1', AUTH_CLIENT_IDS: 'a' });
    expect(auth).toEqual({ userPoolId: 'us-gov-west-1_x1', clientIds: ['a'] });
  });

  it('refuses a pool without client ids, naming the variable and the fix', () => {
    expect(problemsOf({ AUTH_USER_POOL_ID: 'eu-west-1_AbC123xyz' })).toEqual([
      expect.stringMatching(/^AUTH_CLIENT_IDS is not set.*Fix: set it to the app client ids/),
    ]);
    expect(problemsOf({ AUTH_USER_POOL_ID: 'eu-west-1_AbC123xyz', AUTH_CLIENT_IDS: ' , ' })).toHaveLength(1);
  });

  it('refuses auth settings without a pool rather than leave writes open', () => {
    expect(problemsOf({ AUTH_CLIENT_IDS: 'a', AUTH_WRITE_SCOPE: 'items/write' })).toEqual([
      expect.stringMatching(/^AUTH_CLIENT_IDS, AUTH_WRITE_SCOPE are set but AUTH_USER_POOL_ID is not.*Fix:/),
    ]);
  });

  it.each([
    'AbC123xyz',
    'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC',
    'eu-west-1-AbC',
  ])('refuses the pool id %j', (id) => {
    expect(problemsOf({ AUTH_USER_POOL_ID: id, AUTH_CLIENT_IDS: 'a' })).toEqual([
      expect.stringMatching(/^AUTH_USER_POOL_ID=.* is not a Cognito user pool id\. Fix:/),
    ]);
  });

  it.each(['items/read items/write', 'items/write,items/read'])(
    'refuses more than one scope: %j',
    (scope) => {
      expect(
        problemsOf({ AUTH_USER_POOL_ID: 'eu-west-1_A1', AUTH_CLIENT_IDS: 'a', AUTH_WRITE_SCOPE: scope }),
      ).toEqual([expect.stringMatching(/^AUTH_WRITE_SCOPE=.* is not a single scope\. Fix:/)]);
    },
  );

  it.each([
    ['not a url', /is not a URL/],
    ['http://keys.example/jwks.json', /is not HTTPS/],
    ['ftp://localhost/jwks.json', /is not HTTPS/],
  ])('refuses the key set address %j', (url, message) => {
    expect(
      problemsOf({ AUTH_USER_POOL_ID: 'eu-west-1_A1', AUTH_CLIENT_IDS: 'a', AUTH_JWKS_URL: url }),
    ).toEqual([expect.stringMatching(message)]);
  });

  it('accepts an HTTPS key set anywhere and plain HTTP on loopback', () => {
    for (const url of [
      'https://keys.example/jwks.json',
      'http://localhost:8080/jwks',
      'http://[::1]:8080/jwks',
    ])
      expect(
        problemsOf({ AUTH_USER_POOL_ID: 'eu-west-1_A1', AUTH_CLIENT_IDS: 'a', AUTH_JWKS_URL: url }),
      ).toEqual([]);
  });
});
