import { describe, expect, it } from 'vitest';
import { REGIONS, zoneNames } from '../../src/config/data/regions.js';
import { ConfigError } from '../../src/config/errors.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

describe('database safety', () => {
  it('rejects backups outside 7–35 days in production, at the override that set them', () => {
    const config = validConfig();
    config.environments.prod!.databases = { main: { backupRetentionDays: 3 } };
    expectIssue(config, 'environments.prod.databases.main.backupRetentionDays', {
      message: ["3 is outside 7–35 days for production environment 'prod'"],
      fix: ['set it between 7 and 35'],
    });
  });

  it('rejects backups outside 1–35 days elsewhere, at the top-level value', () => {
    const config = validConfig();
    config.databases!.main = { backupRetentionDays: 0 };
    expectIssue(config, 'databases.main.backupRetentionDays', {
      message: ["0 is outside 1–35 days for environment 'dev'"],
      fix: ['between 1 and 35'],
    });
  });

  it('rejects production with deletion protection off', () => {
    const config = validConfig();
    config.environments.prod!.databases = { main: { deletionProtection: false } };
    expectIssue(config, 'environments.prod.databases.main.deletionProtection', {
      message: ["is off in production environment 'prod'", 'refuse deletion'],
      fix: ['set deletionProtection: true'],
    });
  });

  it('rejects a single-AZ production database and automated backups deleted with it', () => {
    const config = validConfig();
    config.databases!.main = { multiAz: false, keepAutomatedBackups: false };
    const paths = issuesOf(config).map((entry) => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining(['databases.main.multiAz', 'databases.main.keepAutomatedBackups']),
    );
  });

  it('rejects an enhanced monitoring interval RDS does not offer, naming the ones it does', () => {
    const config = validConfig();
    config.environments.prod!.databases = { main: { monitoringIntervalSeconds: 45 } };
    expectIssue(config, 'environments.prod.databases.main.monitoringIntervalSeconds', {
      message: ['45 is not an enhanced monitoring interval RDS accepts'],
      fix: ['0, 1, 5, 10, 15, 30, 60'],
    });
  });

  it('rejects a database port outside the range RDS for PostgreSQL accepts', () => {
    const config = validConfig();
    config.databases!.main = { port: 80 };
    expectIssue(config, 'databases.main.port', {
      message: ['80 is outside the 1150–65535 RDS for PostgreSQL accepts'],
      fix: ['remove it for 5432'],
    });
  });

  it('rejects more read replicas than Slipway creates, or fewer than none', () => {
    const config = validConfig();
    config.environments.prod!.databases = { main: { readReplicas: 6 } };
    config.databases!.main = { readReplicas: -1 };
    expectIssue(config, 'environments.prod.databases.main.readReplicas', {
      message: ['6 read replicas is outside the 0–5 Slipway creates'],
      fix: ['Aurora'],
    });
    expectIssue(config, 'databases.main.readReplicas', {
      message: ['-1 read replicas'],
      fix: ['use 0 to 5'],
    });
  });

  it('has no read replicas unless asked, and lets one environment ask for its own', () => {
    const config = validConfig();
    config.environments.prod!.databases = { main: { readReplicas: 2 } };
    const byEnv = Object.fromEntries(resolveConfig(config).environments.map((e) => [e.name, e.databases[0]]));
    expect(byEnv.dev?.readReplicas).toBe(0);
    expect(byEnv.prod?.readReplicas).toBe(2);
  });

  it('monitors production every 60 s and dev not at all by default, on port 5432', () => {
    const model = resolveConfig(validConfig());
    const byEnv = Object.fromEntries(model.environments.map((e) => [e.name, e.databases[0]]));
    expect(byEnv.dev).toMatchObject({ monitoringIntervalSeconds: 0, port: 5432 });
    expect(byEnv.prod).toMatchObject({ monitoringIntervalSeconds: 60, port: 5432 });
  });

  it("rejects removalPolicy 'destroy' in every environment, where it was written", () => {
    const config = validConfig();
    config.environments.dev!.databases = { main: { removalPolicy: 'destroy' } };
    expectIssue(config, 'environments.dev.databases.main.removalPolicy', {
      message: ["'destroy' would delete the data"],
      fix: ["'snapshot'", "'retain'"],
    });
  });

  it('rejects an unknown instance class and guesses the intended one', () => {
    const config = validConfig();
    config.databases!.main = { instanceClass: 'db.t9.huge' };
    expectIssue(config, 'databases.main.instanceClass', {
      message: ["'db.t9.huge' is not an instance class RDS offers for PostgreSQL", 'cfn-lint'],
      fix: ['db.t4g.micro'],
    });
    config.databases!.main = { instanceClass: 'db.t4g.mikro' };
    expectIssue(config, 'databases.main.instanceClass', {
      message: ["did you mean 'db.t4g.micro'"],
      fix: ['db.t4g.small'],
    });
  });

  it('rejects a previous-generation class no accepted version runs', () => {
    const config = validConfig();
    config.databases!.main = { instanceClass: 'db.t2.micro' };
    expectIssue(config, 'databases.main.instanceClass', {
      message: ["'db.t2.micro' is not an instance class RDS offers for PostgreSQL 13–18 in any region"],
      fix: ['db.t4g.micro'],
    });
  });

  // cfn-lint's data marks 16.4 deprecated (W3691, no new instances) and its E3062 list for 16.4
  // lacks db.t4g.micro: the template this config made used to plan clean and then fail the linter.
  it('rejects PostgreSQL 16.4 on db.t4g.micro in us-east-1, naming the 16 versions RDS offers', () => {
    const config = validConfig();
    config.environments.dev!.databases = { main: { engineVersion: '16.4', instanceClass: 'db.t4g.micro' } };
    expectIssue(config, 'environments.dev.databases.main.engineVersion', {
      message: ['RDS does not offer PostgreSQL 16.4 for new instances', 'cfn-lint'],
      fix: ["'16.6', '16.8', '16.9', '16.10', '16.11', '16.12' or '16.13'"],
    });
  });

  it('rejects a class RDS does not offer for the version in the region, naming the classes it does', () => {
    const config = validConfig();
    config.environments.dev!.databases = { main: { engineVersion: '14.15', instanceClass: 'db.m8gd.large' } };
    expectIssue(config, 'environments.dev.databases.main.instanceClass', {
      message: ["RDS does not offer db.m8gd.large for PostgreSQL 14.15 in us-east-1 (environment 'dev'"],
      fix: [
        'choose a class offered for PostgreSQL 14.15 in us-east-1, such as db.t4g.micro',
        'db.t4g (micro, small, medium, large, xlarge, 2xlarge)',
        'db.m8g (large, xlarge, 2xlarge',
        "set engineVersion to one that runs db.m8gd.large there: '14.17', '14.18', '14.19', '14.20', '14.21' or '14.22'",
      ],
    });
  });

  it('rejects a class the region does not offer for any version, where the user wrote it', () => {
    const config = validConfig();
    config.databases!.main = { instanceClass: 'db.m7g.large' };
    config.environments.prod!.region = 'ca-west-1';
    config.environments.prod!.availabilityZones = ['ca-west-1a', 'ca-west-1b'];
    const found = expectIssue(config, 'databases.main.instanceClass', {
      message: [
        "RDS does not offer db.m7g.large in ca-west-1 for any PostgreSQL 13–18 version (environment 'prod'",
      ],
      fix: ['such as db.t3.micro', 'db.m6g (large, xlarge', 'db.r7g (large'],
    });
    expect(found.fix).not.toMatch('db.t4g');
  });

  it('rejects unsupported, malformed and major-only engine versions', () => {
    const config = validConfig();
    config.databases!.main = { engineVersion: '12.22' };
    expectIssue(config, 'databases.main.engineVersion', {
      message: ['PostgreSQL 12 is not one Slipway supports (13–18'],
      fix: ["'17.6'"],
    });
    config.databases!.main = { engineVersion: 'latest' };
    expectIssue(config, 'databases.main.engineVersion', {
      message: ["'latest' is not a PostgreSQL version"],
      fix: ["'17.6'"],
    });
    config.databases!.main = { engineVersion: '17' };
    expectIssue(config, 'databases.main.engineVersion', {
      message: ["'17' names a major version only"],
      fix: ["write '17.9' (the newest 17 RDS offers)"],
    });
  });

  it('rejects storage outside gp3 bounds and a ceiling below the allocation', () => {
    const config = validConfig();
    config.databases!.main = { allocatedStorageGb: 10, maxAllocatedStorageGb: 5 };
    expectIssue(config, 'databases.main.allocatedStorageGb', {
      message: ['10 GB is outside the 20–65536 GB'],
      fix: ['20–65536'],
    });
    expectIssue(config, 'databases.main.maxAllocatedStorageGb', {
      message: ['5 GB must be between allocatedStorageGb (10)'],
      fix: ['at least 10'],
    });
  });

  it('rejects an app user that is the master user', () => {
    const config = validConfig();
    config.databases!.main = { masterUsername: 'owner', appUsername: 'owner' };
    expectIssue(config, 'databases.main.appUsername', {
      message: ["log in as the master user 'owner'", 'least-privilege'],
      fix: ["'app'"],
    });
  });

  it('rejects identifiers PostgreSQL or RDS do not accept', () => {
    const config = validConfig();
    config.databases!.main = {
      databaseName: 'postgres',
      masterUsername: 'rdsadmin',
      appUsername: 'App-User',
    };
    expectIssue(config, 'databases.main.databaseName', {
      message: ["'postgres' is reserved"],
      fix: ["'shop'"],
    });
    expectIssue(config, 'databases.main.masterUsername', {
      message: ["'rdsadmin' is reserved"],
      fix: ['your own'],
    });
    expectIssue(config, 'databases.main.appUsername', {
      message: ["'App-User' is not a PostgreSQL name"],
      fix: ['lower-case'],
    });
  });

  it('rejects app roles RDS keeps for itself (any rds* name), which the provisioner would refuse', () => {
    const config = validConfig();
    config.databases!.main = { appUsername: 'rds_app' };
    expectIssue(config, 'databases.main.appUsername', {
      message: ["'rds_app' is reserved"],
      fix: ['your own'],
    });
  });

  it('leaves room in database and role names for the preview suffix while previews are on', () => {
    const config = validConfig();
    const long = 'a'.repeat(36);
    config.databases!.main = { databaseName: long, appUsername: 'app' };
    expectIssue(config, 'databases.main.databaseName', {
      message: ['36 characters', 'preview adds up to 28'],
      fix: ['35 characters', 'previewBranches: []'],
    });
    config.databases!.main = { databaseName: 'a'.repeat(35), appUsername: 'app' };
    expect(() => resolveConfig(config)).not.toThrow();
    config.delivery = { previewBranches: [] };
    config.databases!.main = { databaseName: long, appUsername: 'app' };
    expect(() => resolveConfig(config)).not.toThrow();
  });

  it('accepts a production database that keeps every protection', () => {
    const config = validConfig();
    config.databases!.main = {
      backupRetentionDays: 35,
      instanceClass: 'db.m7g.large',
      engineVersion: '16.13',
    };
    expect(resolveConfig(config).environments[1]!.databases[0]).toMatchObject({
      backupRetentionDays: 35,
      multiAz: true,
    });
  });
});

describe('database defaults in every region', () => {
  /** The valid config with both environments (dev and production defaults) moved to `region`. */
  function configIn(region: string): SlipwayConfig {
    const config = validConfig();
    for (const environment of Object.values(config.environments)) {
      environment.region = region;
      environment.availabilityZones = zoneNames(region).slice(0, 2);
    }
    return config;
  }

  it('are orderable in every region but ca-west-1, which offers no Graviton classes', () => {
    const rejected = Object.keys(REGIONS).filter((region) => {
      try {
        resolveConfig(configIn(region));
        return false;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        // One issue per environment, both at the field the config would set.
        expect(new Set(error.issues.map((entry) => entry.path))).toEqual(
          new Set(['databases.main.instanceClass']),
        );
        return true;
      }
    });
    expect(rejected).toEqual(['ca-west-1']);
  });

  it('are not swapped silently where the default class is missing: the config must name one', () => {
    expectIssue(configIn('ca-west-1'), 'databases.main.instanceClass', {
      message: ['instanceClass defaults to db.t4g.micro, which RDS does not offer in ca-west-1'],
      fix: ['such as db.t3.micro', 'db.t3 (micro, small, medium, large, xlarge, 2xlarge)'],
    });
    const config = configIn('ca-west-1');
    config.databases!.main = { instanceClass: 'db.t3.micro' };
    expect(resolveConfig(config).environments[0]!.databases[0]!.instanceClass).toBe('db.t3.micro');
  });
});
