import { describe, expect, it } from 'vitest';
import { endangersData, type ResourceChange } from '../../src/deploy/resource-change.js';
import { classifyStackChanges } from '../../src/deploy/stack-changes.js';
import type { CfnTemplate } from '../../src/template/types.js';

const ssm = (name: string) => ({ Type: 'AWS::SSM::Parameter::Value<String>', Default: name });

/** A data stack in miniature: a database in a subnet group, behind a security group. */
function dataTemplate(
  overrides: { subnets?: string[]; dbName?: string; groupId?: string; extra?: object } = {},
): CfnTemplate {
  const subnets = overrides.subnets ?? ['PrivateSubnet1', 'PrivateSubnet2'];
  return {
    Parameters: {
      VpcId: ssm('/app/dev/network/vpc-id'),
      ...Object.fromEntries(subnets.map((p, i) => [p, ssm(`/app/dev/network/private-subnet-${i + 1}-id`)])),
    },
    Resources: {
      DatabaseMainSecurityGroup: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'db', VpcId: { Ref: 'VpcId' } },
      },
      [overrides.groupId ?? 'DatabaseMainSubnetGroup']: {
        Type: 'AWS::RDS::DBSubnetGroup',
        Properties: { DBSubnetGroupDescription: 'private', SubnetIds: subnets.map((p) => ({ Ref: p })) },
        DeletionPolicy: 'Retain',
      },
      DatabaseMainInstance: {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          DBInstanceClass: 'db.t4g.micro',
          DBName: overrides.dbName ?? 'app',
          DBSubnetGroupName: { Ref: overrides.groupId ?? 'DatabaseMainSubnetGroup' },
          VPCSecurityGroups: [{ 'Fn::GetAtt': ['DatabaseMainSecurityGroup', 'GroupId'] }],
        },
        DeletionPolicy: 'Snapshot',
      },
      ...overrides.extra,
    },
  };
}

function change(changes: readonly ResourceChange[], logicalId: string): ResourceChange | undefined {
  return changes.find((c) => c.logicalId === logicalId);
}

describe('classifyStackChanges', () => {
  it('finds nothing when the deployed template is the planned one', () => {
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate(),
    });
    expect(result).toEqual({ name: 'app-dev-data', changes: [] });
  });

  it('adds every resource of a stack that is not deployed yet', () => {
    const result = classifyStackChanges({ name: 'app-dev-data', planned: dataTemplate() });
    expect(result.changes.map((c) => [c.logicalId, c.action])).toEqual([
      ['DatabaseMainSecurityGroup', 'add'],
      ['DatabaseMainSubnetGroup', 'add'],
      ['DatabaseMainInstance', 'add'],
    ]);
    expect(change(result.changes, 'DatabaseMainInstance')?.stateful).toBe(true);
    expect(change(result.changes, 'DatabaseMainSecurityGroup')?.stateful).toBe(false);
  });

  it('marks a property that requires replacement as a replace of a stateful resource, saying which', () => {
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate({ dbName: 'renamed' }),
    });
    expect(result.changes).toEqual([
      {
        logicalId: 'DatabaseMainInstance',
        type: 'AWS::RDS::DBInstance',
        action: 'replace',
        stateful: true,
        reason: 'a new DBName requires replacement',
      },
    ]);
  });

  it('catches a subnet-group change that replaces the database although its own text is the same (aws-cdk #31426)', () => {
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate({ subnets: ['PrivateSubnet1', 'PrivateSubnet2', 'PrivateSubnet3'] }),
    });
    expect(change(result.changes, 'DatabaseMainSubnetGroup')?.action).toBe('modify');
    const database = change(result.changes, 'DatabaseMainInstance');
    expect(database?.action).toBe('replace');
    expect(database?.reason).toContain('subnet group DatabaseMainSubnetGroup');
    expect(database?.reason).toContain('31426');
  });

  it('treats a parameter that resolves to a new value as a change of everything using it', () => {
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate(),
      changedParameters: ['PrivateSubnet2'],
    });
    expect(change(result.changes, 'DatabaseMainSubnetGroup')).toMatchObject({
      action: 'modify',
      reason: 'SubnetIds takes a new value from PrivateSubnet2',
    });
    expect(change(result.changes, 'DatabaseMainInstance')?.action).toBe('replace');
    expect(change(result.changes, 'DatabaseMainSecurityGroup')).toBeUndefined();
  });

  it('follows a replaced resource to the properties that refer to it and their own rules', () => {
    // A new VPC replaces the security group; the database's group list changes in place, which
    // would take it to the new VPC.
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate(),
      changedParameters: ['VpcId'],
    });
    expect(change(result.changes, 'DatabaseMainSecurityGroup')).toMatchObject({
      action: 'replace',
      moves: 'vpc',
    });
    expect(change(result.changes, 'DatabaseMainInstance')).toMatchObject({
      action: 'modify',
      reason: 'VPCSecurityGroups takes a new value from DatabaseMainSecurityGroup',
      moves: 'vpc',
    });
  });

  it('moves the database and its subnet group to another VPC when the network publishes a new VPC and subnets', () => {
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate(),
      changedParameters: ['VpcId', 'PrivateSubnet1', 'PrivateSubnet2'],
    });
    expect(change(result.changes, 'DatabaseMainSubnetGroup')).toMatchObject({
      action: 'modify',
      stateful: true,
      moves: 'subnets',
    });
    // Its security groups would change in place, its subnet group makes it a replacement: the
    // replacement wins, and the move is said.
    expect(change(result.changes, 'DatabaseMainInstance')).toMatchObject({
      action: 'replace',
      stateful: true,
      moves: 'vpc',
    });
    expect(change(result.changes, 'DatabaseMainInstance')?.reason).toContain('subnet group');
  });

  it('moves the database to other subnets, not another VPC, when only its subnets are cut anew', () => {
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate(),
      changedParameters: ['PrivateSubnet1', 'PrivateSubnet2'],
    });
    expect(change(result.changes, 'DatabaseMainSubnetGroup')?.moves).toBe('subnets');
    expect(change(result.changes, 'DatabaseMainInstance')?.moves).toBe('subnets');
    expect(change(result.changes, 'DatabaseMainSecurityGroup')).toBeUndefined();
  });

  it('does not call a new security group in the same VPC, or a subnet added beside the others, a move', () => {
    const planned = dataTemplate({
      subnets: ['PrivateSubnet1', 'PrivateSubnet2', 'PrivateSubnet3'],
      extra: {
        DatabaseMainSecurityGroup: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { GroupDescription: 'the database', VpcId: { Ref: 'VpcId' } },
        },
      },
    });
    const result = classifyStackChanges({ name: 'app-dev-data', deployed: dataTemplate(), planned });
    expect(change(result.changes, 'DatabaseMainSecurityGroup')?.action).toBe('replace');
    expect(result.changes.filter((c) => c.moves)).toEqual([]);
  });

  it('moves a database whose VPC, subnets and subnet group live in its own stack', () => {
    const network = (cidr: string): CfnTemplate =>
      dataTemplate({
        extra: {
          Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: cidr } },
          Subnet: {
            Type: 'AWS::EC2::Subnet',
            Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: cidr.replace('/16', '/20') },
          },
          // The subnet group takes the subnet made here instead of a parameter.
          DatabaseMainSubnetGroup: {
            Type: 'AWS::RDS::DBSubnetGroup',
            Properties: { DBSubnetGroupDescription: 'private', SubnetIds: [{ Ref: 'Subnet' }] },
          },
        },
      });
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: network('10.0.0.0/16'),
      planned: network('10.20.0.0/16'),
    });
    expect(change(result.changes, 'Vpc')).toMatchObject({ action: 'replace' });
    expect(change(result.changes, 'Vpc')?.moves).toBeUndefined();
    expect(change(result.changes, 'Subnet')).toMatchObject({ action: 'replace', moves: 'vpc' });
    expect(change(result.changes, 'DatabaseMainSubnetGroup')?.moves).toBe('vpc');
    expect(change(result.changes, 'DatabaseMainInstance')).toMatchObject({ action: 'replace', moves: 'vpc' });
  });

  it('reports a renamed subnet group as a removal and the database that moves to it as replaced', () => {
    const result = classifyStackChanges({
      name: 'app-dev-data',
      deployed: dataTemplate(),
      planned: dataTemplate({ groupId: 'DatabaseMainSubnetGroupV2' }),
    });
    expect(change(result.changes, 'DatabaseMainSubnetGroup')).toMatchObject({
      action: 'remove',
      stateful: true,
    });
    expect(change(result.changes, 'DatabaseMainSubnetGroupV2')).toMatchObject({
      action: 'add',
      stateful: true,
    });
    expect(change(result.changes, 'DatabaseMainInstance')?.action).toBe('replace');
  });

  it('reports a removed log group as a stateful removal and an in-place change as a plain modify', () => {
    const logGroup = { ServiceLogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 7 } } };
    const service = (count: number) => ({
      Service: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: count, Cluster: 'c' } },
    });
    const result = classifyStackChanges({
      name: 'app-dev-api',
      deployed: { Resources: { ...logGroup, ...service(1) } },
      planned: { Resources: service(2) },
    });
    expect(result.changes).toEqual([
      { logicalId: 'Service', type: 'AWS::ECS::Service', action: 'modify', stateful: false },
      { logicalId: 'ServiceLogGroup', type: 'AWS::Logs::LogGroup', action: 'remove', stateful: true },
    ]);
  });

  it('keeps a retained resource that leaves the template out of the refused changes, saying it stays in the account', () => {
    const bucket = { AccessLogBucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: {} } };
    const logGroup = { AccessLogs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 7 } } };
    const result = classifyStackChanges({
      name: 'app-dev-runtime',
      deployed: { Resources: { ...bucket, ...logGroup } },
      planned: { Resources: {} },
    });
    const kept = change(result.changes, 'AccessLogBucket')!;
    expect(kept).toMatchObject({ action: 'remove', stateful: true, retained: true });
    expect(kept.reason).toMatch(/kept in the account \(DeletionPolicy Retain\)/);
    expect(endangersData(kept)).toBe(false);
    // Without a retaining policy CloudFormation deletes it, and with it what it holds.
    const deleted = change(result.changes, 'AccessLogs')!;
    expect(deleted.retained).toBeUndefined();
    expect(endangersData(deleted)).toBe(true);
  });
});
