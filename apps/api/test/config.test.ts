import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config-error.js';
import { loadConfig } from '../src/config/service-config.js';

/** The problems loadConfig reports for an environment (empty when it is valid). */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const SECRET = JSON.stringify({
  host: 'db.internal',
  port: 5432,
  username: 'app',
  password: 's3cr3t!',
  dbname: 'shop',
  engine: 'postgres',
});
const IAM = {
  DATABASE_HOST: 'db.internal',
  DATABASE_PORT: '5432',
  DATABASE_NAME: 'shop',
  DATABASE_USER: 'app_user',
  DATABASE_IAM_AUTH: 'true',
  DATABASE_SSL: 'require',
  AWS_REGION: 'eu-west-1',
};

describe('database settings', () => {
  it('reads DATABASE_URL, decoding the password and taking sslmode from the URL', () => {
    const { database } = loadConfig({
      DATABASE_URL: 'postgres://app:p%40ss%2Fword@db.example:6543/shop?sslmode=verify-full',
    });
    expect(database).toMatchObject({
      host: 'db.example',
      port: 6543,
      database: 'shop',
      user: 'app',
      ssl: 'verify-full',
      source: 'DATABASE_URL',
    });
    expect(database.auth).toEqual({ kind: 'password', password: 'p@ss/word' });
  });

  it('reads the Secrets Manager JSON that ECS injects', () => {
    const { database } = loadConfig({ DATABASE_SECRET: SECRET });
    expect(database).toMatchObject({
      host: 'db.internal',
      port: 5432,
      database: 'shop',
      user: 'app',
      ssl: 'disable',
      source: 'DATABASE_SECRET',
    });
    expect(database.auth).toEqual({ kind: 'password', password: 's3cr3t!' });
  });

  it('fills fields an RDS-managed secret lacks from DATABASE_HOST, DATABASE_NAME and DATABASE_PORT', () => {
    const managed = JSON.stringify({ username: 'postgres', password: 'rotated' });
    const { database } = loadConfig({
      DATABASE_SECRET: managed,
      DATABASE_HOST: 'db.internal',
      DATABASE_NAME: 'shop',
      DATABASE_PORT: '5433',
    });
    expect(database).toMatchObject({ host: 'db.internal', port: 5433, database: 'shop', user: 'postgres' });
  });

  it('uses IAM authentication with the variables the Slipway stacks set', () => {
    const { database } = loadConfig(IAM);
    expect(database).toMatchObject({
      host: 'db.internal',
      port: 5432,
      database: 'shop',
      user: 'app_user',
      ssl: 'require',
    });
    expect(database.auth).toEqual({ kind: 'iam', region: 'eu-west-1' });
  });

  it('defaults IAM connections to TLS, which RDS requires for tokens', () => {
    const { DATABASE_SSL: _, ...withoutSsl } = IAM;
    expect(loadConfig(withoutSsl).database.ssl).toBe('require');
  });

  it('names every missing variable when nothing is configured', () => {
    expect(problemsOf({})).toEqual([
      expect.stringContaining('No database is configured. Fix: set DATABASE_URL'),
    ]);
  });

  it('refuses IAM without a region, without TLS, or with a password as well', () => {
    const { AWS_REGION: _, ...noRegion } = IAM;
    expect(problemsOf(noRegion)).toEqual([expect.stringContaining('Fix: set AWS_REGION')]);
    expect(problemsOf({ ...IAM, DATABASE_SSL: 'disable' })).toEqual([
      expect.stringContaining('DATABASE_IAM_AUTH=true needs TLS'),
    ]);
    expect(problemsOf({ ...IAM, DATABASE_PASSWORD: 'x' })).toEqual([
      expect.stringContaining('remove the password'),
    ]);
  });

  it('reports missing host parts by variable name', () => {
    expect(problemsOf({ DATABASE_HOST: 'db', DATABASE_PASSWORD: 'pw' })).toEqual([
      'DATABASE_NAME is not set. Fix: set DATABASE_NAME.',
      'DATABASE_USER is not set. Fix: set DATABASE_USER.',
    ]);
    expect(problemsOf({ DATABASE_HOST: 'db', DATABASE_NAME: 'shop', DATABASE_USER: 'app' })).toEqual([
      expect.stringContaining('No database password is set for user "app"'),
    ]);
  });

  it('refuses two sources at once', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://a:b@h/d', DATABASE_HOST: 'db' })).toEqual([
      'DATABASE_URL and DATABASE_HOST are both set. Fix: keep only one way to reach the database.',
    ]);
  });

  it('never repeats a secret in an error message', () => {
    const messages = [
      ...problemsOf({ DATABASE_URL: 'postgres://app:hunter2@[bad' }),
      ...problemsOf({ DATABASE_SECRET: '{"password":"hunter2",' }),
      ...problemsOf({ DATABASE_SECRET: '["hunter2"]' }),
    ];
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).not.toContain('hunter2');
    expect(messages[0]).toContain('DATABASE_URL is not a valid URL');
    expect(messages[1]).toContain('DATABASE_SECRET is not JSON');
  });

  it('checks TLS settings', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://a:b@h/d', DATABASE_SSL: 'yes' })).toEqual([
      'DATABASE_SSL="yes" is not one of disable, require, verify-full. Fix: use one of those values.',
    ]);
    expect(problemsOf({ DATABASE_URL: 'postgres://a:b@h/d', DATABASE_SSL_CA: '/ca.pem' })).toEqual([
      expect.stringContaining('Fix: set DATABASE_SSL=verify-full'),
    ]);
    expect(problemsOf({ DATABASE_URL: 'mysql://a:b@h/d' })).toEqual([
      expect.stringContaining('Fix: use a postgres:// or postgresql:// URL'),
    ]);
  });
});

describe('service settings', () => {
  const db = { DATABASE_URL: 'postgres://app:pw@db/shop' };

  it('has defaults fit for an ECS task behind an ALB', () => {
    const config = loadConfig(db);
    expect(config.port).toBe(3000);
    expect(config.http.keepAliveTimeoutMs).toBeGreaterThan(60_000);
    expect(config.shutdown.timeoutMs).toBeLessThan(30_000);
    expect(config.rateLimit).toEqual({ max: 600, windowMs: 60_000 });
    expect(config.workers).toBe(1);
    expect(config.migrateOnStart).toBe(true);
  });

  it('turns the rate limit off with RATE_LIMIT_MAX=0', () => {
    expect(loadConfig({ ...db, RATE_LIMIT_MAX: '0' }).rateLimit).toBeUndefined();
  });

  it('lists every bad value at once, each with its fix', () => {
    const problems = problemsOf({
      ...db,
      PORT: 'eighty',
      LOG_LEVEL: 'verbose',
      MIGRATE_ON_START: 'maybe',
      KEEP_ALIVE_TIMEOUT_MS: '5',
    });
    expect(problems).toEqual([
      'KEEP_ALIVE_TIMEOUT_MS="5" is not an integer from 1000 to 600000. Fix: set it to a whole number in that range, or unset it to use 65000.',
      'PORT="eighty" is not an integer from 0 to 65535. Fix: set it to a whole number in that range, or unset it to use 3000.',
      'LOG_LEVEL="verbose" is not one of fatal, error, warn, info, debug, trace, silent. Fix: use one of those values.',
      'MIGRATE_ON_START="maybe" is not a boolean. Fix: set it to true or false.',
    ]);
  });

  it('refuses a drain delay that leaves no time to drain', () => {
    expect(problemsOf({ ...db, SHUTDOWN_DELAY_MS: '30000', SHUTDOWN_TIMEOUT_MS: '25000' })).toEqual([
      expect.stringContaining('SHUTDOWN_DELAY_MS (30000) is not below SHUTDOWN_TIMEOUT_MS (25000)'),
    ]);
  });
});
