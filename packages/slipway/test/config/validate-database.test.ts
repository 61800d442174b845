import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
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
      message: ["'db.t9.huge' is not an RDS for PostgreSQL instance class"],
      fix: ['db.t4g.micro'],
    });
    config.databases!.main = { instanceClass: 'db.t4g.mikro' };
    expectIssue(config, 'databases.main.instanceClass', {
      message: ["did you mean 'db.t4g.micro'"],
      fix: ['db.t4g.small'],
    });
  });

  it('rejects a class the engine version cannot run', () => {
    const config = validConfig();
    config.databases!.main = { instanceClass: 'db.t2.micro' };
    expectIssue(config, 'databases.main.instanceClass', {
      message: ['RDS does not offer db.t2 for PostgreSQL 17', 'unverified'],
      fix: ['db.t4g.micro'],
    });
  });

  it('names the first minor version a class needs', () => {
    const config = validConfig();
    config.databases!.main = { instanceClass: 'db.m8g.large', engineVersion: '16.1' };
    expectIssue(config, 'databases.main.instanceClass', {
      message: ['db.m8g needs PostgreSQL 16.3 or later, but engineVersion is 16.1'],
      fix: ["set engineVersion to '16.3' or later"],
    });
  });

  it('rejects unsupported and malformed engine versions', () => {
    const config = validConfig();
    config.databases!.main = { engineVersion: '12.22' };
    expectIssue(config, 'databases.main.engineVersion', {
      message: ['PostgreSQL 12 is not one Slipway supports (13–17'],
      fix: ["'17.6'"],
    });
    config.databases!.main = { engineVersion: 'latest' };
    expectIssue(config, 'databases.main.engineVersion', {
      message: ["'latest' is not a PostgreSQL version"],
      fix: ["'17.6'"],
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
      engineVersion: '16.4',
    };
    expect(resolveConfig(config).environments[1]!.databases[0]).toMatchObject({
      backupRetentionDays: 35,
      multiAz: true,
    });
  });
});
