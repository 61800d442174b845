import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { validConfig } from './fixtures.js';

function env(model: AppModel, name: string): EnvironmentModel {
  const found = model.environments.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no environment ${name}`);
  return found;
}

describe('resolveConfig defaults', () => {
  const model = resolveConfig(validConfig());
  const dev = env(model, 'dev');
  const prod = env(model, 'prod');

  it('treats an environment named prod as production and others not', () => {
    expect(dev.production).toBe(false);
    expect(prod.production).toBe(true);
  });

  it('gives services the documented defaults, with production counts and canary in prod', () => {
    const [devWeb] = dev.services;
    const [prodWeb] = prod.services;
    expect(devWeb).toMatchObject({
      image: { repository: 'shop/web', tag: 'dev-latest' },
      cpu: 256,
      memory: 512,
      architecture: 'arm64',
      capacity: 'spot',
      healthPath: '/healthz',
      public: true,
      paths: ['/*'],
      allowedCidrs: [],
      desiredCount: 1,
      minCount: 1,
      maxCount: 2,
      scaling: { cpuPercent: 60 },
      stopTimeoutSeconds: 30,
      healthCheckGracePeriodSeconds: 60,
      deployment: { strategy: 'rolling' },
    });
    expect(prodWeb).toMatchObject({
      image: { repository: 'shop/web', tag: 'latest' },
      capacity: 'on-demand',
      desiredCount: 2,
      minCount: 2,
      maxCount: 4,
      deployment: { strategy: 'canary', canaryPercent: 10, bakeMinutes: 10 },
    });
  });

  it('gives databases the safe production defaults and the cheap ones elsewhere', () => {
    const common = {
      engineVersion: '17.6',
      instanceClass: 'db.t4g.micro',
      allocatedStorageGb: 20,
      maxAllocatedStorageGb: 100,
      backupRetentionDays: 7,
      removalPolicy: 'snapshot',
      port: 5432,
      databaseName: 'shop',
      masterUsername: 'postgres_admin',
      appUsername: 'app',
      readReplicas: 0,
    };
    expect(dev.databases[0]).toEqual({
      name: 'main',
      ...common,
      multiAz: false,
      deletionProtection: false,
      keepAutomatedBackups: false,
      performanceInsights: false,
      monitoringIntervalSeconds: 0,
    });
    expect(prod.databases[0]).toEqual({
      name: 'main',
      ...common,
      multiAz: true,
      deletionProtection: true,
      keepAutomatedBackups: true,
      performanceInsights: true,
      monitoringIntervalSeconds: 60,
    });
  });

  it('sizes the network, NAT, capacity and log retention by stage', () => {
    expect(dev.network).toEqual({
      cidr: '10.0.0.0/16',
      subnetMask: 20,
      natGateways: 0,
      flowLogRetentionDays: 30,
      peerCidrs: [],
    });
    expect(prod.network.natGateways).toBe(1);
    expect(prod.network.flowLogRetentionDays).toBe(365);
    expect([dev.capacity, prod.capacity]).toEqual(['spot', 'on-demand']);
    expect([dev.logRetentionDays, prod.logRetentionDays]).toEqual([30, 365]);
  });

  it('assumes the documented usage for the cost estimate', () => {
    expect(dev.usage).toEqual({
      hoursPerMonth: 730,
      albLcu: 1,
      logGbPerMonth: 1,
      natGbPerMonth: 5,
      ecrGbPerRepository: 1,
      tableGbPerTable: 1,
      tableReadMillionsPerMonth: 1,
      tableWriteMillionsPerMonth: 1,
    });
  });

  it('derives stack names through the naming module', () => {
    expect(prod.stackNames).toEqual({
      network: 'shop-prod-network',
      data: 'shop-prod-data',
      runtime: 'shop-prod-runtime',
      monitoring: 'shop-prod-monitoring',
      services: { web: 'shop-prod-web' },
    });
    expect(model.ci.stackName).toBe('shop-ci');
  });

  it('puts CI in the first environment, with one deploy role per environment', () => {
    expect(model.ci).toMatchObject({ account: '111111111111', region: 'us-east-1' });
    expect(model.ci.deployRoles).toEqual([
      { environment: 'dev', account: '111111111111', region: 'us-east-1', githubEnvironment: 'dev' },
      { environment: 'prod', account: '222222222222', region: 'eu-west-1', githubEnvironment: 'production' },
    ]);
    expect(model.github).toEqual({ repository: 'acme/shop', mainBranch: 'main' });
  });

  it('collects one repository per image with its moving tags and the other accounts that pull', () => {
    expect(model.ci.repositories).toEqual([
      {
        name: 'shop/web',
        movingTags: ['dev-latest', 'latest'],
        maxImageAgeDays: 60,
        pullAccounts: ['222222222222'],
      },
    ]);
  });

  it('resolves secrets with their source', () => {
    expect(dev.secrets).toEqual([{ name: 'stripeKey', source: 'ssm', path: '/shop/stripe_key' }]);
  });
});

describe('resolveConfig overrides', () => {
  it('lets an environment override a service, merging environment variables and secrets', () => {
    const config = validConfig();
    config.secrets!.sentryDsn = { secretsManager: 'shop/sentry' };
    config.services!.web = {
      ...config.services!.web!,
      cpu: 1024,
      memory: 2048,
      environment: { LOG_LEVEL: 'info', REGION_NAME: 'eu' },
    };
    config.environments.prod!.services = {
      web: {
        memory: 4096,
        environment: { LOG_LEVEL: 'warn' },
        secrets: { SENTRY_DSN: 'sentryDsn' },
        image: { tag: 'stable' },
      },
    };
    const prodWeb = resolveConfig(config).environments[1]!.services[0]!;
    expect(prodWeb).toMatchObject({
      cpu: 1024,
      memory: 4096,
      environment: { LOG_LEVEL: 'warn', REGION_NAME: 'eu' },
      secrets: { STRIPE_KEY: 'stripeKey', SENTRY_DSN: 'sentryDsn' },
      image: { repository: 'shop/web', tag: 'stable' },
    });
  });

  it('replaces scaling and deployment as a whole', () => {
    const config = validConfig();
    config.services!.web!.scaling = { requestsPerTarget: 500 };
    config.environments.dev!.services = { web: { deployment: { strategy: 'blue-green', bakeMinutes: 5 } } };
    const devWeb = resolveConfig(config).environments[0]!.services[0]!;
    expect(devWeb.scaling).toEqual({ requestsPerTarget: 500 });
    expect(devWeb.deployment).toEqual({ strategy: 'blue-green', bakeMinutes: 5 });
  });

  it('lets an environment override a database and a secret source', () => {
    const config = validConfig();
    config.databases!.main = { instanceClass: 'db.t4g.small', backupRetentionDays: 14 };
    config.environments.dev!.databases = { main: { backupRetentionDays: 1, instanceClass: 'db.t4g.micro' } };
    config.environments.prod!.secrets = { stripeKey: { secretsManager: 'shop/prod/stripe' } };
    const model = resolveConfig(config);
    expect(model.environments[0]!.databases[0]).toMatchObject({
      instanceClass: 'db.t4g.micro',
      backupRetentionDays: 1,
    });
    expect(model.environments[1]!.databases[0]).toMatchObject({
      instanceClass: 'db.t4g.small',
      backupRetentionDays: 14,
    });
    expect(model.environments[1]!.secrets).toEqual([
      { name: 'stripeKey', source: 'secretsmanager', path: 'shop/prod/stripe' },
    ]);
  });

  it('follows an explicit production flag over the name, and a custom GitHub environment', () => {
    const config = validConfig();
    config.environments.staging = {
      ...config.environments.dev!,
      production: true,
      githubEnvironment: 'staging-approval',
    };
    const model = resolveConfig(config);
    const staging = model.environments[2]!;
    expect(staging.production).toBe(true);
    expect(staging.services[0]!.minCount).toBe(2);
    expect(model.ci.deployRoles[2]).toMatchObject({
      environment: 'staging',
      githubEnvironment: 'staging-approval',
    });
  });

  it('derives the database name from the app name and keeps environment tags per environment', () => {
    const config = validConfig();
    config.app = 'pet-shop';
    config.environments.dev!.imageTag = 'main';
    config.ci = { account: '333333333333', region: 'us-east-1' };
    const model = resolveConfig(config);
    expect(model.environments[0]!.databases[0]!.databaseName).toBe('pet_shop');
    expect(model.ci.repositories[0]).toMatchObject({
      name: 'pet-shop/web',
      movingTags: ['main', 'latest'],
      pullAccounts: ['111111111111', '222222222222'],
    });
  });

  it('does not count per-commit or release tags as moving', () => {
    const config = validConfig();
    config.environments.dev!.imageTag = '3f2c1ab';
    config.environments.prod!.imageTag = 'v1.4.2';
    expect(resolveConfig(config).ci.repositories[0]!.movingTags).toEqual([]);
  });

  it('rolls internal services out with rolling even in production', () => {
    const config = validConfig();
    config.services!.worker = { port: 9000, public: false };
    const prodWorker = resolveConfig(config).environments[1]!.services[1]!;
    expect(prodWorker).toMatchObject({ name: 'worker', public: false, deployment: { strategy: 'rolling' } });
  });

  it('merges usage assumptions field by field, ignoring undefined values', () => {
    const config = validConfig();
    config.usage = { albLcu: 2, logGbPerMonth: undefined };
    config.environments.dev!.usage = { hoursPerMonth: 200 };
    const model = resolveConfig(config);
    expect(model.environments[0]!.usage).toMatchObject({ hoursPerMonth: 200, albLcu: 2, logGbPerMonth: 1 });
    expect(model.environments[1]!.usage).toMatchObject({ hoursPerMonth: 730, albLcu: 2 });
  });

  it('accepts Fargate Spot with arm64 (see docs/decisions/002-fargate-spot-arm64.md)', () => {
    const config = validConfig();
    config.services!.web!.architecture = 'arm64';
    const devWeb = resolveConfig(config).environments[0]!.services[0]!;
    expect([devWeb.capacity, devWeb.architecture]).toEqual(['spot', 'arm64']);
  });

  it('carries peer networks and acknowledgements into the model', () => {
    const config = validConfig();
    config.environments.dev!.network = { peerCidrs: ['192.168.0.0/16'] };
    config.acknowledgements = [
      { rule: 'Slipway-DB1', stack: 'shop-dev-data', reason: 'dev data is disposable test fixtures' },
    ];
    const model = resolveConfig(config);
    expect(model.environments[0]!.network.peerCidrs).toEqual(['192.168.0.0/16']);
    expect(model.acknowledgements).toEqual([
      { rule: 'Slipway-DB1', stack: 'shop-dev-data', reason: 'dev data is disposable test fixtures' },
    ]);
  });
});
