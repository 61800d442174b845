import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { inheritedEnvironment, localEnvironment } from '../../src/dev/service-environment.js';
import { containerEnvironment } from '../../src/stacks/runtime/ecs/container-settings.js';
import { validConfig } from '../config/fixtures.js';

function webAndDatabase() {
  const config = validConfig();
  config.services!.web!.environment = { LOG_LEVEL: 'debug' };
  config.services!.web!.dev = { command: 'npm run dev', env: { LOG_LEVEL: 'trace', EXTRA: 'yes' } };
  const env = resolveConfig(config).environments[0]!;
  return { service: env.services[0]!, database: env.databases[0]! };
}

describe('localEnvironment', () => {
  it('swaps every database variable the cloud sets for a local DATABASE_URL, and sets PORT', () => {
    const { service, database } = webAndDatabase();
    const cloud = containerEnvironment(
      service,
      { database, host: 'main.rds.example', readerHosts: ['r1.rds.example', 'r2.rds.example'] },
      'services.web',
    );
    expect(cloud).toMatchObject({
      DATABASE_IAM_AUTH: 'true',
      DATABASE_SSL: 'verify-full',
      DATABASE_READER_HOSTS: 'r1.rds.example,r2.rds.example',
    });
    const local = localEnvironment({
      service,
      database,
      local: { url: 'postgres://app:pw@127.0.0.1:5999/shop', embedded: false },
      port: 4100,
      secrets: {},
    });
    for (const cloudOnly of Object.keys(cloud).filter((name) => name.startsWith('DATABASE_'))) {
      expect(local, cloudOnly).not.toHaveProperty(cloudOnly);
    }
    expect(local).toMatchObject({ DATABASE_URL: 'postgres://app:pw@127.0.0.1:5999/shop', PORT: '4100' });
    expect(local).not.toHaveProperty('DATABASE_POOL_MAX');
  });

  it('limits the pool to one connection on the embedded database, which has a single session', () => {
    const { service, database } = webAndDatabase();
    const local = localEnvironment({
      service,
      database,
      local: { url: 'postgres://app:pw@127.0.0.1:5999/shop', embedded: true },
      port: 4100,
      secrets: {},
    });
    expect(local.DATABASE_POOL_MAX).toBe('1');
  });

  it('adds the local secret values, and lets dev.env override anything', () => {
    const { service } = webAndDatabase();
    const local = localEnvironment({ service, port: 4100, secrets: { STRIPE_KEY: 'sk_test' } });
    expect(local).toEqual({ LOG_LEVEL: 'trace', EXTRA: 'yes', PORT: '4100', STRIPE_KEY: 'sk_test' });
  });
});

describe('inheritedEnvironment', () => {
  it('passes the shell on without database settings or other secrets', () => {
    expect(
      inheritedEnvironment({
        PATH: '/usr/bin',
        HOME: '/home/ada',
        DATABASE_HOST: 'prod.example',
        DATABASE_URL: 'postgres://elsewhere',
        SLIPWAY_SECRET_STRIPE_KEY: 'sk_live',
      }),
    ).toEqual({ PATH: '/usr/bin', HOME: '/home/ada' });
  });
});
