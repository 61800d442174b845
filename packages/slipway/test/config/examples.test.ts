import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../src/model/types.js';

const example = (name: string) =>
  fileURLToPath(new URL(`../../../../examples/${name}/slipway.config.ts`, import.meta.url));

function env(model: AppModel, name: string): EnvironmentModel {
  const found = model.environments.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no environment ${name}`);
  return found;
}

function service(environment: EnvironmentModel, name: string): ServiceModel {
  const found = environment.services.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
}

describe('examples/megadolls (seed 004)', async () => {
  const model = await loadConfig(example('megadolls'));
  const dev = env(model, 'dev');
  const prod = env(model, 'prod');

  it('runs dev in us-east-1 on Fargate Spot with one NAT gateway and the dev-latest tag', () => {
    expect(dev).toMatchObject({ region: 'us-east-1', capacity: 'spot', production: false });
    expect(dev.network.natGateways).toBe(1);
    expect(service(dev, 'web')).toMatchObject({
      cpu: 1024,
      memory: 2048,
      capacity: 'spot',
      image: { tag: 'dev-latest' },
    });
    expect(service(dev, 'web').deployment.strategy).toBe('rolling');
  });

  it('runs prod in af-south-1 on demand with a Multi-AZ db.t4g.small and canary 10 %', () => {
    expect(prod).toMatchObject({ region: 'af-south-1', capacity: 'on-demand', production: true });
    expect(prod.network.natGateways).toBe(1);
    expect(prod.databases[0]).toMatchObject({
      instanceClass: 'db.t4g.small',
      multiAz: true,
      deletionProtection: true,
      removalPolicy: 'snapshot',
    });
    expect(service(prod, 'web')).toMatchObject({
      cpu: 1024,
      memory: 2048,
      capacity: 'on-demand',
      minCount: 2,
      maxCount: 6,
      scaling: { cpuPercent: 60 },
      image: { repository: 'megadolls/web', tag: 'latest' },
      deployment: { strategy: 'canary', canaryPercent: 10, bakeMinutes: 10 },
    });
  });

  it('serves web on /* and pgAdmin on /pgadmin/* to the office only, both on database main', () => {
    const web = service(prod, 'web');
    const pgadmin = service(prod, 'pgadmin');
    expect(web).toMatchObject({
      port: 8000,
      paths: ['/*'],
      allowedCidrs: [],
      database: 'main',
      secrets: { STRIPE_KEY: 'stripeKey' },
    });
    expect(pgadmin).toMatchObject({
      port: 80,
      paths: ['/pgadmin/*'],
      allowedCidrs: ['203.0.113.0/24'],
      database: 'main',
      secrets: { PGADMIN_DEFAULT_PASSWORD: 'pgadminPassword' },
    });
  });

  it("runs Django as the default uid 1000 and pgAdmin as its image's own user, both on a read-only root", () => {
    expect(service(prod, 'web')).toMatchObject({
      user: '1000',
      readonlyRootFilesystem: true,
      writablePaths: ['/tmp'],
    });
    expect(service(prod, 'pgadmin')).toMatchObject({
      user: '5050',
      readonlyRootFilesystem: true,
      writablePaths: ['/var/lib/pgadmin'],
      environment: { TMPDIR: '/var/lib/pgadmin', PGADMIN_DISABLE_POSTFIX: 'true' },
    });
  });

  it('reads the Stripe key from SSM and the pgAdmin password from Secrets Manager', () => {
    expect(prod.secrets).toEqual([
      { name: 'stripeKey', source: 'ssm', path: '/megadolls/infra/strip_key' },
      { name: 'pgadminPassword', source: 'secretsmanager', path: 'megadolls/pgadmin' },
    ]);
  });

  it('keeps latest and dev-latest as the moving tags, pulled from the prod account', () => {
    expect(model.ci).toMatchObject({
      stackName: 'megadolls-ci',
      account: '111111111111',
      region: 'us-east-1',
    });
    expect(model.ci.repositories).toEqual([
      {
        name: 'megadolls/web',
        movingTags: ['dev-latest', 'latest'],
        maxImageAgeDays: 60,
        pullAccounts: ['222222222222'],
      },
      {
        name: 'megadolls/pgadmin',
        movingTags: ['dev-latest', 'latest'],
        maxImageAgeDays: 60,
        pullAccounts: ['222222222222'],
      },
    ]);
    expect(model.ci.deployRoles.map((role) => role.githubEnvironment)).toEqual(['dev', 'production']);
  });
});

describe('examples/medications (seed 002)', async () => {
  const model = await loadConfig(example('medications'));
  const dev = env(model, 'dev');
  const prod = env(model, 'prod');

  it('keeps dev at the cost floor: one 0.25 vCPU / 0.5 GB Spot arm64 task, no NAT, single-AZ micro', () => {
    expect(dev.network.natGateways).toBe(0);
    expect(service(dev, 'api')).toMatchObject({
      port: 8080,
      healthPath: '/healthz',
      cpu: 256,
      memory: 512,
      architecture: 'arm64',
      capacity: 'spot',
      desiredCount: 1,
    });
    expect(dev.databases[0]).toMatchObject({ instanceClass: 'db.t4g.micro', multiAz: false });
  });

  it('gives prod every database safety measure the seed lists', () => {
    expect(prod.databases[0]).toMatchObject({
      multiAz: true,
      deletionProtection: true,
      keepAutomatedBackups: true,
      backupRetentionDays: 14,
      removalPolicy: 'snapshot',
      performanceInsights: true,
      appUsername: 'medications_app',
      masterUsername: 'postgres_admin',
      databaseName: 'medications',
    });
    expect(service(prod, 'api')).toMatchObject({
      cpu: 512,
      memory: 1024,
      desiredCount: 2,
      capacity: 'on-demand',
    });
  });
});
