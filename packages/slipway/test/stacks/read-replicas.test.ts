import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { statefulResources } from '../../src/stacks/shared/stateful-resources.js';
import type { CfnResource } from '../../src/template/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

/** Megadolls with two read replicas of prod's database. */
function withProdReplicas(): AppModel {
  const model = megadollsLikeModel();
  return {
    ...model,
    environments: model.environments.map((env) =>
      env.production ? { ...env, databases: env.databases.map((db) => ({ ...db, readReplicas: 2 })) } : env,
    ),
  };
}

describe('read replicas (megadolls prod with two)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(withProdReplicas());
  });
  afterAll(() => fx.dispose());

  const resources = (stack: string, type: string) =>
    fx.resources().filter((r) => r.stack === stack && r.resource.Type === type);
  const replicas = () =>
    resources('megadolls-prod-data', 'AWS::RDS::DBInstance').filter(
      (r) => r.resource.Properties?.['SourceDBInstanceIdentifier'] !== undefined,
    );

  it("copies the writer's class, subnets, security group, TLS parameters and IAM authentication", () => {
    const [writer] = resources('megadolls-prod-data', 'AWS::RDS::DBInstance').filter(
      (r) => r.id === 'DatabaseMainInstance',
    );
    const props = (r: { resource: CfnResource } | undefined) => r?.resource.Properties ?? {};
    expect(replicas().map((r) => r.id)).toEqual([
      'DatabaseMainReplica1Instance',
      'DatabaseMainReplica2Instance',
    ]);
    for (const replica of replicas()) {
      expect(props(replica)).toMatchObject({
        DBInstanceIdentifier: expect.stringMatching(/^megadolls-prod-main-replica-[12]$/),
        DBInstanceClass: props(writer)['DBInstanceClass'],
        DBSubnetGroupName: props(writer)['DBSubnetGroupName'],
        DBParameterGroupName: props(writer)['DBParameterGroupName'],
        VPCSecurityGroups: props(writer)['VPCSecurityGroups'],
        EnableIAMDatabaseAuthentication: true,
        PubliclyAccessible: false,
        EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      });
      expect(JSON.stringify(props(replica)['SourceDBInstanceIdentifier'])).toContain('DatabaseMainInstance');
      // RDS encrypts a same-region replica with the writer's key and refuses one of its own.
      expect(props(replica)).not.toHaveProperty('KmsKeyId');
      expect(props(replica)).not.toHaveProperty('StorageEncrypted');
    }
  });

  it('lets a replica go with its stack, and keeps it out of the pinned stateful resources', () => {
    for (const replica of replicas()) expect(replica.resource.DeletionPolicy).toBe('Delete');
    const data = fx.synthesized.find((s) => s.name === 'megadolls-prod-data');
    expect(Object.keys(statefulResources(data!.template))).not.toContain('DatabaseMainReplica1Instance');
    expect(Object.keys(statefulResources(data!.template))).toContain('DatabaseMainReplica1LogGroup');
  });

  it('publishes each replica for the services, which sign in to writer and replicas as the app user', () => {
    const names = resources('megadolls-prod-data', 'AWS::SSM::Parameter').map(
      (r) => r.resource.Properties?.['Name'],
    );
    expect(names).toEqual(
      expect.arrayContaining([
        '/megadolls/prod/data/main/replica-1/endpoint-address',
        '/megadolls/prod/data/main/replica-2/resource-id',
      ]),
    );
    const statements = resources('megadolls-prod-web', 'AWS::IAM::Policy').flatMap(
      (p) =>
        (p.resource.Properties?.['PolicyDocument'] as { Statement: { Sid?: string; Resource: unknown }[] })
          .Statement,
    );
    const connect = statements.find((s) => s.Sid === 'ConnectAsAppUser');
    expect(connect?.Resource).toHaveLength(3);
  });

  it('gives services the replicas as DATABASE_READER_HOSTS, and dev, which has none, nothing', () => {
    const envOf = (stack: string) => {
      const [definition] = resources(stack, 'AWS::ECS::TaskDefinition');
      const containers = definition?.resource.Properties?.['ContainerDefinitions'] as {
        Environment: { Name: string; Value: unknown }[];
      }[];
      return containers[0]!.Environment;
    };
    const readers = envOf('megadolls-prod-web').find((v) => v.Name === 'DATABASE_READER_HOSTS');
    expect(JSON.stringify(readers?.Value)).toMatch(
      /Fn::Join.*replica1endpointaddress.*replica2endpointaddress/,
    );
    expect(envOf('megadolls-dev-web').map((v) => v.Name)).not.toContain('DATABASE_READER_HOSTS');
  });
});
