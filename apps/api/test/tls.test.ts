import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/service-config.js';
import { cachedToken } from '../src/db/iam-token.js';
import { startService } from '../src/service.js';
import { LogLines } from './helpers/log-lines.js';
import { startTempCluster, type TempCluster } from './helpers/temp-cluster.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// TLS to the database when asked, and IAM authentication (which requires TLS). This file runs its
// own cluster with a self-signed certificate, whatever server the other tests use.
let cluster: TempCluster;
let db: TestDatabase;
let base: { host: string; port: string; user: string; password: string };
/** A certificate authority of its own, which never signed the test server's certificate. */
let otherCaDir: string;
let otherCaFile: string;

beforeAll(async () => {
  cluster = await startTempCluster({ ssl: true });
  db = await createTestDatabase('tls', cluster.url);
  const url = new URL(db.url);
  base = {
    host: url.hostname,
    port: url.port,
    user: url.username,
    password: decodeURIComponent(url.password),
  };
  otherCaDir = await mkdtemp(join(tmpdir(), 'slipway-api-other-ca-'));
  otherCaFile = join(otherCaDir, 'ca.pem');
  await promisify(execFile)('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
    ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    ...['-keyout', join(otherCaDir, 'ca.key'), '-out', otherCaFile],
  ]);
});
afterAll(async () => {
  await db?.drop();
  await cluster?.stop();
  if (otherCaDir) await rm(otherCaDir, { recursive: true, force: true });
});

function env(extra: Record<string, string>) {
  return {
    DATABASE_HOST: base.host,
    DATABASE_PORT: base.port,
    DATABASE_NAME: db.name,
    DATABASE_USER: base.user,
    HOST: '127.0.0.1',
    PORT: '0',
    SHUTDOWN_DELAY_MS: '0',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

/** Starts the service and reports whether its own database session is encrypted. */
async function sessionUsesTls(
  extra: Record<string, string>,
  passwordSource?: () => Promise<string>,
): Promise<boolean> {
  const service = await startService(loadConfig(env(extra)), passwordSource ? { passwordSource } : {});
  try {
    expect((await service.app.inject('/readyz')).statusCode).toBe(200);
    const { rows } = await service.pool.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    return rows[0].ssl as boolean;
  } finally {
    await service.stop();
  }
}

describe('TLS to the database', () => {
  it('stays in plain text when TLS is not asked for', async () => {
    expect(await sessionUsesTls({ DATABASE_PASSWORD: base.password })).toBe(false);
  });

  it('encrypts with DATABASE_SSL=require', async () => {
    expect(await sessionUsesTls({ DATABASE_PASSWORD: base.password, DATABASE_SSL: 'require' })).toBe(true);
  });

  it('verifies the server with DATABASE_SSL=verify-full and the CA in DATABASE_SSL_CA', async () => {
    expect(
      await sessionUsesTls({
        DATABASE_PASSWORD: base.password,
        DATABASE_SSL: 'verify-full',
        DATABASE_SSL_CA: cluster.caFile,
      }),
    ).toBe(true);
  });

  it('refuses a certificate it cannot verify, at boot', async () => {
    const config = loadConfig(env({ DATABASE_PASSWORD: base.password, DATABASE_SSL: 'verify-full' }));
    await expect(startService(config)).rejects.toThrow(/self[- ]signed certificate/);
  });

  it('refuses the server when DATABASE_SSL_CA names an authority that did not sign its certificate', async () => {
    // Same subject and host names as the server's certificate, different key: only the chain differs.
    const config = loadConfig(
      env({ DATABASE_PASSWORD: base.password, DATABASE_SSL: 'verify-full', DATABASE_SSL_CA: otherCaFile }),
    );
    await expect(startService(config)).rejects.toThrow(/self[- ]signed certificate/);
  });

  it('warns in the boot log that DATABASE_SSL=require leaves the certificate unchecked', async () => {
    const logs = new LogLines();
    const config = loadConfig(
      env({ DATABASE_PASSWORD: base.password, DATABASE_SSL: 'require', LOG_LEVEL: 'info' }),
    );
    const service = await startService(config, { logStream: logs });
    await service.stop();
    const warnings = logs.parsed.filter((line) => line.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({ msg: expect.stringMatching(/^DATABASE_SSL=require: .*not verified/) }),
    ]);
  });
});

describe('IAM database authentication', () => {
  const iam = { DATABASE_IAM_AUTH: 'true', AWS_REGION: 'eu-west-1', DATABASE_SSL: 'verify-full' };
  const password = async () => base.password;

  it('verifies the server by default, trusting the RDS certificates and DATABASE_SSL_CA', async () => {
    const { DATABASE_SSL: _, ...iamDefaults } = iam;
    const logs = new LogLines();
    const config = loadConfig(env({ ...iamDefaults, DATABASE_SSL_CA: cluster.caFile, LOG_LEVEL: 'info' }));
    expect(config.database.ssl).toBe('verify-full');
    const service = await startService(config, { passwordSource: password, logStream: logs });
    try {
      const { rows } = await service.pool.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(rows[0].ssl).toBe(true);
    } finally {
      await service.stop();
    }
    expect(logs.parsed.find((line) => line.msg === 'starting')).toMatchObject({
      database: {
        ssl: 'verify-full',
        sslTrusts: ['bundled RDS certificates', `DATABASE_SSL_CA ${cluster.caFile}`],
      },
    });
  });

  it('by default refuses a server whose certificate no RDS authority signed', async () => {
    // What `require`, the old IAM default, would have accepted without a word.
    const { DATABASE_SSL: _, ...iamDefaults } = iam;
    const config = loadConfig(env(iamDefaults));
    await expect(startService(config, { passwordSource: password })).rejects.toThrow(
      /self[- ]signed certificate/,
    );
  });

  it('logs in with the token as the password, over TLS, signing once for the whole pool', async () => {
    let signed = 0;
    // Postgres here checks a password, not an AWS signature: the "token" is the real password.
    const tokens = cachedToken(async () => {
      signed += 1;
      return base.password;
    });
    const service = await startService(loadConfig(env({ ...iam, DATABASE_SSL_CA: cluster.caFile })), {
      passwordSource: tokens,
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => service.pool.query('SELECT pg_sleep(0.05)')),
      );
      expect(results).toHaveLength(5);
      expect(service.pool.totalCount).toBeGreaterThan(1);
      expect(signed).toBe(1);
    } finally {
      await service.stop();
    }
  });

  it('answers 503 when the token is refused', async () => {
    const config = loadConfig(env({ ...iam, DATABASE_SSL_CA: cluster.caFile, MIGRATE_ON_START: 'false' }));
    const service = await startService(config, { passwordSource: async () => 'expired-token' });
    try {
      const res = await service.app.inject('/items');
      expect(res.statusCode).toBe(503);
      expect((await service.app.inject('/readyz')).statusCode).toBe(503);
    } finally {
      await service.stop();
    }
  });
});
