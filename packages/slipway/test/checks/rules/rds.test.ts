import { describe, expect, it } from 'vitest';
import { cfnStatefulRetention } from '../../../src/checks/rules/cfn/stateful-retention.js';
import { rdsBackupRetention } from '../../../src/checks/rules/rds/backup-retention.js';
import { rdsForceSsl } from '../../../src/checks/rules/rds/force-ssl.js';
import { rdsIamAuthentication } from '../../../src/checks/rules/rds/iam-authentication.js';
import { rdsPerformanceInsights } from '../../../src/checks/rules/rds/performance-insights.js';
import { rdsProductionDeletionProtection } from '../../../src/checks/rules/rds/production-deletion-protection.js';
import { rdsProductionKeepAutomatedBackups } from '../../../src/checks/rules/rds/production-keep-automated-backups.js';
import { rdsProductionMultiAz } from '../../../src/checks/rules/rds/production-multi-az.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

function instance(properties: Record<string, unknown> = {}): CfnResource {
  return {
    Type: 'AWS::RDS::DBInstance',
    Properties: { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', ...properties },
  };
}

function parameterGroup(parameters: Record<string, unknown>): CfnResource {
  return { Type: 'AWS::RDS::DBParameterGroup', Properties: { Family: 'postgres17', Parameters: parameters } };
}

describe('Slipway-RDS1 force SSL', () => {
  it('accepts a parameter group in the stack with rds.force_ssl=1', () => {
    const others = { Params: parameterGroup({ 'rds.force_ssl': '1' }) };
    expect(checkRule(rdsForceSsl, instance({ DBParameterGroupName: { Ref: 'Params' } }), { others })).toBe(
      'compliant',
    );
  });

  it('rejects a parameter group that leaves TLS optional', () => {
    const others = { Params: parameterGroup({ 'rds.force_ssl': '0' }) };
    expect(checkRule(rdsForceSsl, instance({ DBParameterGroupName: { Ref: 'Params' } }), { others })).toEqual(
      {
        detail: 'parameter group Params sets rds.force_ssl=0',
      },
    );
  });

  it('rejects the engine default parameter group', () => {
    expect(checkRule(rdsForceSsl, instance())).toEqual({
      detail: expect.stringContaining('default parameter group'),
    });
  });

  it('rejects a parameter group it cannot see', () => {
    expect(checkRule(rdsForceSsl, instance({ DBParameterGroupName: 'shared-params' }))).toEqual({
      detail: expect.stringContaining('not defined in this stack'),
    });
  });

  it('leaves other engines and Aurora members alone', () => {
    expect(checkRule(rdsForceSsl, instance({ Engine: 'mysql' }))).toBe('not-applicable');
    expect(checkRule(rdsForceSsl, instance({ DBClusterIdentifier: { Ref: 'Cluster' } }))).toBe(
      'not-applicable',
    );
  });
});

describe('Slipway-RDS2 IAM authentication', () => {
  it('accepts an instance with IAM database authentication', () => {
    expect(checkRule(rdsIamAuthentication, instance({ EnableIAMDatabaseAuthentication: true }))).toBe(
      'compliant',
    );
  });

  it('rejects an instance without it', () => {
    expect(checkRule(rdsIamAuthentication, instance())).toBe('non-compliant');
  });
});

describe('Slipway-RDS3 Performance Insights', () => {
  it('accepts a production instance with Performance Insights', () => {
    const result = checkRule(rdsPerformanceInsights, instance({ EnablePerformanceInsights: true }), {
      production: true,
    });
    expect(result).toBe('compliant');
  });

  it('rejects a production instance without it', () => {
    expect(checkRule(rdsPerformanceInsights, instance(), { production: true })).toBe('non-compliant');
  });

  it('does not require it outside production', () => {
    expect(checkRule(rdsPerformanceInsights, instance())).toBe('not-applicable');
  });
});

describe('Slipway-RDS4 production Multi-AZ', () => {
  it('accepts a Multi-AZ production instance', () => {
    expect(checkRule(rdsProductionMultiAz, instance({ MultiAZ: true }), { production: true })).toBe(
      'compliant',
    );
  });

  it('rejects a single-AZ production instance', () => {
    expect(checkRule(rdsProductionMultiAz, instance({ MultiAZ: false }), { production: true })).toBe(
      'non-compliant',
    );
  });
});

describe('Slipway-RDS5 production deletion protection', () => {
  it('accepts deletion protection in production', () => {
    const result = checkRule(rdsProductionDeletionProtection, instance({ DeletionProtection: true }), {
      production: true,
    });
    expect(result).toBe('compliant');
  });

  it('rejects a production instance without it', () => {
    expect(checkRule(rdsProductionDeletionProtection, instance(), { production: true })).toBe(
      'non-compliant',
    );
  });
});

describe('Slipway-RDS6 backup retention', () => {
  it('accepts seven days in production', () => {
    expect(checkRule(rdsBackupRetention, instance({ BackupRetentionPeriod: 7 }), { production: true })).toBe(
      'compliant',
    );
  });

  it('rejects fewer than seven days in production', () => {
    expect(
      checkRule(rdsBackupRetention, instance({ BackupRetentionPeriod: 3 }), { production: true }),
    ).toEqual({
      detail: 'BackupRetentionPeriod is 3',
    });
  });

  it("counts CloudFormation's one-day default as enough outside production only", () => {
    expect(checkRule(rdsBackupRetention, instance())).toBe('compliant');
    expect(checkRule(rdsBackupRetention, instance(), { production: true })).toEqual({
      detail: 'BackupRetentionPeriod is unset (1)',
    });
  });

  it('rejects disabled backups anywhere', () => {
    expect(checkRule(rdsBackupRetention, instance({ BackupRetentionPeriod: 0 }))).toEqual({
      detail: 'BackupRetentionPeriod is 0',
    });
  });
});

describe('Slipway-RDS7 production keeps automated backups', () => {
  it('accepts DeleteAutomatedBackups false in production', () => {
    const result = checkRule(rdsProductionKeepAutomatedBackups, instance({ DeleteAutomatedBackups: false }), {
      production: true,
    });
    expect(result).toBe('compliant');
  });

  it("rejects CloudFormation's default, which deletes them with the instance", () => {
    expect(checkRule(rdsProductionKeepAutomatedBackups, instance(), { production: true })).toBe(
      'non-compliant',
    );
  });
});

describe('read replicas, which hold no data of their own', () => {
  const replica = instance({ SourceDBInstanceIdentifier: { Ref: 'Primary' }, BackupRetentionPeriod: 0 });

  it('are left to their source by the Multi-AZ and backup rules, in production too', () => {
    for (const rule of [rdsProductionMultiAz, rdsBackupRetention, rdsProductionKeepAutomatedBackups]) {
      expect(checkRule(rule, replica, { production: true }), rule.id).toBe('not-applicable');
    }
  });

  it('still need IAM authentication and, in production, deletion protection', () => {
    expect(checkRule(rdsIamAuthentication, replica)).toBe('non-compliant');
    expect(checkRule(rdsProductionDeletionProtection, replica, { production: true })).toBe('non-compliant');
  });

  it('need no Snapshot or Retain policy (Slipway-CFN1)', () => {
    expect(checkRule(cfnStatefulRetention, replica)).toBe('not-applicable');
    expect(checkRule(cfnStatefulRetention, instance())).not.toBe('not-applicable');
  });
});
