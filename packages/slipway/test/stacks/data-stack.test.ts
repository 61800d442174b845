import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppModel, DatabaseModel } from '../../src/model/types.js';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { buildOnly, type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

function acknowledgedRules(fx: FixtureApp, stack: string): string[] {
  return fx
    .stack(stack)
    .node.findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === 'slipway:acknowledgement').map((m) => m.data.rule),
    );
}

describe('data stack (megadolls prod)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(megadollsLikeModel());
  });
  afterAll(() => fx.dispose());

  it('runs a private, encrypted, Multi-AZ PostgreSQL with every safety setting explicit', () => {
    fx.template('megadolls-prod-data').hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceIdentifier: 'megadolls-prod-main',
      Engine: 'postgres',
      EngineVersion: '17.6',
      DBInstanceClass: 'db.t4g.small',
      DBName: 'megadolls',
      StorageType: 'gp3',
      StorageEncrypted: true,
      PubliclyAccessible: false,
      MultiAZ: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 14,
      DeleteAutomatedBackups: false,
      EnableIAMDatabaseAuthentication: true,
      EnablePerformanceInsights: true,
      EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      MonitoringInterval: 60,
      Port: '5432',
      ManageMasterUserPassword: true,
      MasterUsername: 'dbadmin',
      MaxAllocatedStorage: 100,
    });
  });

  it('keeps no master password in the template and creates no rotation Lambda', () => {
    const t = fx.template('megadolls-prod-data');
    const instance = onlyResource(t.findResources('AWS::RDS::DBInstance'));
    expect(instance.Properties.MasterUserPassword).toBeUndefined();
    t.resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
    t.resourceCountIs('AWS::Lambda::Function', 0);
    // The RDS-managed secret is named only where the provisioner task reads it.
    const naming = Object.entries(t.toJSON().Resources as Record<string, unknown>)
      .filter(([, r]) => JSON.stringify(r).includes('MasterUserSecret'))
      .map(([id]) => id);
    expect(naming.length).toBeGreaterThan(0);
    expect(naming.every((id) => id.startsWith('DatabaseMainProvisioner'))).toBe(true);
  });

  it('snapshots the instance and retains its subnet and parameter groups', () => {
    const t = fx.template('megadolls-prod-data');
    t.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    t.hasResource('AWS::RDS::DBSubnetGroup', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    t.hasResource('AWS::RDS::DBParameterGroup', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('forces TLS through the parameter group', () => {
    fx.template('megadolls-prod-data').hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Family: 'postgres17',
      Parameters: { 'rds.force_ssl': '1' },
    });
  });

  it('exports postgresql logs to a named group with the environment retention', () => {
    fx.template('megadolls-prod-data').hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        LogGroupName: '/aws/rds/instance/megadolls-prod-main/postgresql',
        RetentionInDays: 365,
      }),
    });
  });

  it('exports upgrade logs to a named, retained group too, created before the instance', () => {
    const t = fx.template('megadolls-prod-data');
    t.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        LogGroupName: '/aws/rds/instance/megadolls-prod-main/upgrade',
        RetentionInDays: 365,
      }),
    });
    const instance = onlyResource(t.findResources('AWS::RDS::DBInstance'));
    expect(instance.DependsOn).toEqual(
      expect.arrayContaining(['DatabaseMainLogGroup', 'DatabaseMainUpgradeLogGroup']),
    );
  });

  it('sends enhanced monitoring through a role only RDS monitoring can assume, writing only RDSOSMetrics', () => {
    const t = fx.template('megadolls-prod-data');
    const instance = onlyResource(t.findResources('AWS::RDS::DBInstance'));
    const roleId = (instance.Properties.MonitoringRoleArn as { 'Fn::GetAtt': [string, string] })[
      'Fn::GetAtt'
    ][0];
    const role = t.toJSON().Resources[roleId];
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Principal: { Service: 'monitoring.rds.amazonaws.com' } }),
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const resources = JSON.stringify(role.Properties.Policies);
    expect(resources).toContain('log-group:RDSOSMetrics');
    expect(resources).not.toContain('log-group:*');
  });

  it('admits only the provisioner task to the database from this stack', () => {
    const t = fx.template('megadolls-prod-data');
    for (const group of Object.values(t.findResources('AWS::EC2::SecurityGroup'))) {
      expect(group.Properties.SecurityGroupIngress).toBeUndefined();
    }
    const rules = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress'));
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
      SourceSecurityGroupId: {
        'Fn::GetAtt': [expect.stringMatching(/^DatabaseMainProvisionerSecurityGroup/), 'GroupId'],
      },
      GroupId: { 'Fn::GetAtt': [expect.stringMatching(/^DatabaseMainSecurityGroup/), 'GroupId'] },
    });
  });

  it('registers the endpoint as main.megadolls.internal in Cloud Map', () => {
    const t = fx.template('megadolls-prod-data');
    t.hasResourceProperties('AWS::ServiceDiscovery::Service', {
      Name: 'main',
      DnsConfig: Match.objectLike({ DnsRecords: [{ Type: 'CNAME', TTL: 30 }] }),
    });
    t.hasResourceProperties('AWS::ServiceDiscovery::Instance', {
      InstanceAttributes: {
        AWS_INSTANCE_CNAME: { 'Fn::GetAtt': ['DatabaseMainInstance', 'Endpoint.Address'] },
      },
    });
  });

  it('publishes what services need through SSM', () => {
    const t = fx.template('megadolls-prod-data');
    t.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/megadolls/prod/data/main/resource-id',
      Value: { 'Fn::GetAtt': ['DatabaseMainInstance', 'DbiResourceId'] },
    });
    const names = Object.values(t.findResources('AWS::SSM::Parameter'))
      .map((p) => p.Properties.Name)
      .sort();
    expect(names).toEqual([
      '/megadolls/prod/data/main/endpoint-address',
      '/megadolls/prod/data/main/endpoint-port',
      '/megadolls/prod/data/main/instance-id',
      '/megadolls/prod/data/main/provisioner-family',
      '/megadolls/prod/data/main/provisioner-security-group-id',
      '/megadolls/prod/data/main/resource-id',
      '/megadolls/prod/data/main/security-group-id',
      '/megadolls/prod/data/secrets/pgadmin-password/arn',
    ]);
  });

  it('creates the Secrets Manager secret for the team to fill, retained', () => {
    fx.template('megadolls-prod-data').hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Name: 'megadolls/prod/pgadmin-password',
        Description: Match.stringLikeRegexp('put-secret-value'),
      }),
    });
  });

  it('acknowledges no single-AZ or deletion-protection finding in production', () => {
    const rules = acknowledgedRules(fx, 'megadolls-prod-data');
    expect(rules).toContain('AwsSolutions-RDS11');
    expect(rules).not.toContain('AwsSolutions-RDS3');
    expect(rules).not.toContain('AwsSolutions-RDS10');
    for (const control of ['CT.RDS.PR.1', 'CT.RDS.PR.13', 'CT.RDS.PR.2', 'CT.CLOUDWATCH.PR.2'])
      expect(rules).not.toContain(control);
  });
});

describe('data stack (dev floor)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(devFloorModel());
  });
  afterAll(() => fx.dispose());

  it('places the database in the isolated subnets read from SSM', () => {
    const t = fx.template('floor-dev-data');
    t.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
      SubnetIds: [
        { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevnetworkprivatesubnet1id') },
        { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevnetworkprivatesubnet2id') },
      ],
    });
    t.hasResourceProperties('AWS::RDS::DBInstance', {
      MultiAZ: false,
      DeletionProtection: false,
      DeleteAutomatedBackups: true,
      EnablePerformanceInsights: false,
    });
    // Snapshot on delete holds in every environment.
    t.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Snapshot' });
  });

  it('leaves enhanced monitoring off in dev and creates no monitoring role', () => {
    const t = fx.template('floor-dev-data');
    const instance = onlyResource(t.findResources('AWS::RDS::DBInstance'));
    expect(instance.Properties.MonitoringInterval).toBeUndefined();
    expect(instance.Properties.MonitoringRoleArn).toBeUndefined();
    expect(instance.Properties.EnableCloudwatchLogsExports).toEqual(['postgresql', 'upgrade']);
  });

  it('acknowledges single-AZ and no deletion protection as the dev floor, with reasons', () => {
    const rules = acknowledgedRules(fx, 'floor-dev-data');
    expect(rules).toEqual(
      expect.arrayContaining(['AwsSolutions-RDS3', 'AwsSolutions-RDS10', 'AwsSolutions-RDS11']),
    );
    // The same choices, as AWS Control Tower's controls name them, plus the dev log retention.
    expect(rules).toEqual(
      expect.arrayContaining([
        'CT.RDS.PR.1',
        'CT.RDS.PR.13',
        'CT.RDS.PR.2',
        'CT.RDS.PR.20',
        'CT.CLOUDWATCH.PR.2',
      ]),
    );
  });
});

describe('data stack errors', () => {
  function withDatabase(overrides: Partial<DatabaseModel>): AppModel {
    const model = devFloorModel();
    const [dev] = model.environments;
    if (!dev?.databases[0]) throw new Error('fixture has no database');
    return { ...model, environments: [{ ...dev, databases: [{ ...dev.databases[0], ...overrides }] }] };
  }

  it('listens on the configured port and admits the provisioner on it', () => {
    const fx = fixtureApp(withDatabase({ port: 6543 }));
    try {
      const t = fx.template('floor-dev-data');
      t.hasResourceProperties('AWS::RDS::DBInstance', { Port: '6543' });
      t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 6543, ToPort: 6543 });
      // Off the default port, cdk-nag's RDS11 has nothing to flag, so nothing is acknowledged.
      expect(acknowledgedRules(fx, 'floor-dev-data')).not.toContain('AwsSolutions-RDS11');
      expect(acknowledgedRules(fx, 'floor-dev-data')).not.toContain('CT.RDS.PR.20');
    } finally {
      fx.dispose();
    }
  });

  it('acknowledges no dev-floor Control Tower control when dev turns the setting on', () => {
    const fx = fixtureApp(
      withDatabase({ multiAz: true, deletionProtection: true, monitoringIntervalSeconds: 60 }),
    );
    try {
      const rules = acknowledgedRules(fx, 'floor-dev-data');
      expect(rules).not.toContain('CT.RDS.PR.1');
      expect(rules).not.toContain('CT.RDS.PR.13');
      expect(rules).not.toContain('CT.RDS.PR.2');
    } finally {
      fx.dispose();
    }
  });

  it('acknowledges the short log retention only while it is under a year', () => {
    const model = devFloorModel();
    const [dev] = model.environments;
    if (!dev) throw new Error('fixture has no environment');
    const fx = fixtureApp({ ...model, environments: [{ ...dev, logRetentionDays: 365 }] });
    try {
      expect(acknowledgedRules(fx, 'floor-dev-data')).not.toContain('CT.CLOUDWATCH.PR.2');
    } finally {
      fx.dispose();
    }
  });

  it('names the field when the engine version is not major.minor', () => {
    expect(() => buildOnly(withDatabase({ engineVersion: '17' }))).toThrow(
      /environments\.dev\.databases\.main\.engineVersion: "17" is not a PostgreSQL version/,
    );
  });

  it('names the field when the instance class is not an RDS class', () => {
    expect(() => buildOnly(withDatabase({ instanceClass: 't4g.micro' }))).toThrow(
      /environments\.dev\.databases\.main\.instanceClass: "t4g\.micro" is not an RDS instance class\. .*db\.t4g\.micro/,
    );
  });

  it('names the field when a log retention is not one CloudWatch accepts', () => {
    const model = devFloorModel();
    const [dev] = model.environments;
    if (!dev) throw new Error('fixture has no environment');
    const bad = { ...model, environments: [{ ...dev, logRetentionDays: 10 }] };
    expect(() => buildOnly(bad)).toThrow(
      /environments\.dev\.logRetentionDays: 10 is not a retention CloudWatch Logs accepts\. Fix: Use one of 1, 3, 5, 7, 14/,
    );
  });
});
