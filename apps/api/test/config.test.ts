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

  it('defaults IAM connections to verified TLS against the bundled RDS certificates', () => {
    const { DATABASE_SSL: _, ...withoutSsl } = IAM;
    const { database } = loadConfig(withoutSsl);
    expect(database.ssl).toBe('verify-full');
    expect(database.trustRdsCa).toBe(true);
    expect(database.warnings).toEqual([]);
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

describe('TLS on RDS', () => {
  const RDS_HOST = 'shop.c9akciq32.eu-west-1.rds.amazonaws.com';
  const viaHost = {
    DATABASE_HOST: RDS_HOST,
    DATABASE_NAME: 'shop',
    DATABASE_USER: 'app',
    DATABASE_PASSWORD: 'pw',
  };

  it.each([
    ['DATABASE_URL', { DATABASE_URL: `postgres://app:pw@${RDS_HOST}:5432/shop` }],
    [
      'DATABASE_SECRET',
      {
        DATABASE_SECRET: JSON.stringify({ host: RDS_HOST, username: 'app', password: 'pw', dbname: 'shop' }),
      },
    ],
    ['DATABASE_HOST', viaHost],
  ])('verifies an RDS endpoint by default, against the bundled RDS certificates (%s)', (_source, env) => {
    const { database } = loadConfig(env);
    expect(database).toMatchObject({ host: RDS_HOST, ssl: 'verify-full', trustRdsCa: true, warnings: [] });
  });

  it.each([
    'shop.cluster-c9akciq32.us-east-1.rds.amazonaws.com',
    'shop.cluster-ro-c9akciq32.ap-southeast-2.rds.amazonaws.com',
    'shop-proxy.proxy-c9akciq32.eu-central-1.rds.amazonaws.com',
    'SHOP.C9AKCIQ32.EU-WEST-1.RDS.AMAZONAWS.COM.',
  ])('treats %s as RDS', (host) => {
    expect(loadConfig({ ...viaHost, DATABASE_HOST: host }).database).toMatchObject({
      ssl: 'verify-full',
      trustRdsCa: true,
    });
  });

  it('keeps the plain-text default for other hosts, and the system store for their verify-full', () => {
    for (const host of ['db.internal', 'rds.amazonaws.com.example.org', '10.0.0.12']) {
      expect(loadConfig({ ...viaHost, DATABASE_HOST: host }).database).toMatchObject({
        ssl: 'disable',
        trustRdsCa: false,
        warnings: [],
      });
    }
    const verified = loadConfig({ ...viaHost, DATABASE_HOST: 'db.internal', DATABASE_SSL: 'verify-full' });
    expect(verified.database).toMatchObject({ ssl: 'verify-full', trustRdsCa: false });
  });

  it('allows DATABASE_SSL=require on RDS, with a warning that the certificate goes unchecked', () => {
    const { database } = loadConfig({ ...viaHost, DATABASE_SSL: 'require' });
    expect(database).toMatchObject({ ssl: 'require', trustRdsCa: false });
    expect(database.warnings).toEqual([
      expect.stringMatching(
        /^DATABASE_SSL=require: .*certificate is not verified.*Fix: remove it; on RDS the default is verify-full/,
      ),
    ]);
    const fromUrl = loadConfig({ DATABASE_URL: `postgres://app:pw@${RDS_HOST}/shop?sslmode=require` });
    expect(fromUrl.database.warnings).toEqual([expect.stringMatching(/^sslmode=require in DATABASE_URL: /)]);
  });

  it('warns about require on other hosts too, pointing at verify-full', () => {
    const { database } = loadConfig({
      DATABASE_URL: 'postgres://app:pw@db.internal/shop',
      DATABASE_SSL: 'require',
    });
    expect(database.warnings).toEqual([
      expect.stringContaining('Fix: use verify-full, with DATABASE_SSL_CA'),
    ]);
  });

  it('adds DATABASE_SSL_CA and NODE_EXTRA_CA_CERTS to the RDS certificates', () => {
    const { database } = loadConfig({
      ...viaHost,
      DATABASE_SSL_CA: '/certs/extra.pem',
      NODE_EXTRA_CA_CERTS: '/certs/corporate.pem',
    });
    expect(database).toMatchObject({
      ssl: 'verify-full',
      trustRdsCa: true,
      sslCaFile: '/certs/extra.pem',
      extraCaFile: '/certs/corporate.pem',
    });
  });

  it('stops at boot for an RDS region the bundle has no authority for, naming the fixes', () => {
    const china = 'shop.c9akciq32.rds.cn-north-1.amazonaws.com.cn';
    const problems = problemsOf({ ...viaHost, DATABASE_HOST: china });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`The database host ${china} is an RDS endpoint in cn-north-1`);
    expect(problems[0]).toContain('Fix: set DATABASE_SSL_CA');
    expect(problems[0]).toContain('or set DATABASE_SSL=require');
    // Either fix is accepted.
    expect(
      loadConfig({ ...viaHost, DATABASE_HOST: china, DATABASE_SSL_CA: '/certs/cn.pem' }).database,
    ).toMatchObject({
      ssl: 'verify-full',
      trustRdsCa: true,
    });
    expect(loadConfig({ ...viaHost, DATABASE_HOST: china, DATABASE_SSL: 'require' }).database.ssl).toBe(
      'require',
    );
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
