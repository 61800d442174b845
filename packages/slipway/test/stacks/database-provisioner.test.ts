import path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { PROVISION_COMMAND } from '../../src/provision/provision-script.js';
import { PROVISIONER_IMAGE } from '../../src/stacks/data/database-provisioner.js';
import { ModelError } from '../../src/stacks/shared/model-error.js';
import { buildOnly, type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');

interface ContainerProps {
  readonly Image: string;
  readonly Command: readonly string[];
  readonly Environment: readonly { readonly Name: string; readonly Value: unknown }[];
  readonly Secrets: readonly { readonly Name: string; readonly ValueFrom: unknown }[];
  readonly LogConfiguration: { readonly LogDriver: string; readonly Options: Record<string, unknown> };
}

function provisionerDefinition(t: Template, family: string) {
  const definition = onlyResource(
    t.findResources('AWS::ECS::TaskDefinition', { Properties: { Family: family } }),
  );
  const [container] = definition.Properties.ContainerDefinitions as ContainerProps[];
  return { definition, container: container! };
}

function roleIdNamed(t: Template, roleName: string): string {
  const ids = Object.keys(t.findResources('AWS::IAM::Role', { Properties: { RoleName: roleName } }));
  expect(ids, `roles named ${roleName}`).toHaveLength(1);
  return ids[0]!;
}

function withDev(model: AppModel, change: (dev: EnvironmentModel) => EnvironmentModel): AppModel {
  return {
    ...model,
    environments: model.environments.map((e) => (e.name === 'dev' ? change(e) : e)),
  };
}

describe('database provisioner (medications dev)', () => {
  let model: AppModel;
  let fx: FixtureApp;
  let t: Template;
  beforeAll(async () => {
    model = await loadConfig(path.join(EXAMPLES, 'medications/slipway.config.ts'));
    fx = fixtureApp(model);
    t = fx.template('medications-dev-data');
  });
  afterAll(() => fx?.dispose());

  it('is a 0.25 vCPU / 0.5 GB ARM64 Fargate task definition named after the database', () => {
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'medications-dev-main-provisioner',
      Cpu: '256',
      Memory: '512',
      RequiresCompatibilities: ['FARGATE'],
      NetworkMode: 'awsvpc',
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
    });
    // One per database: medications has one.
    t.resourceCountIs('AWS::ECS::TaskDefinition', 1);
  });

  it('runs the provisioning command in the pinned PostgreSQL client image', () => {
    const { container } = provisionerDefinition(t, 'medications-dev-main-provisioner');
    expect(container.Image).toBe(PROVISIONER_IMAGE);
    expect(PROVISIONER_IMAGE).toMatch(/:\d+(\.\d+)*(-[a-z0-9]+)?$/);
    expect(PROVISIONER_IMAGE).not.toMatch(/:latest$/);
    expect(container.Command).toEqual([...PROVISION_COMMAND]);
  });

  it("defaults to ensuring the environment's own database and role, over TLS, at the instance", () => {
    const { container } = provisionerDefinition(t, 'medications-dev-main-provisioner');
    const env = Object.fromEntries(container.Environment.map((e) => [e.Name, e.Value]));
    expect(env).toMatchObject({
      SLIPWAY_ACTION: 'ensure',
      SLIPWAY_DATABASE: 'medications',
      SLIPWAY_ROLE: 'medications_app',
      PGSSLMODE: 'require',
      PGPORT: '5432',
      PGDATABASE: 'postgres',
      PGHOST: { 'Fn::GetAtt': ['DatabaseMainInstance', 'Endpoint.Address'] },
    });
    expect(Object.keys(env)).not.toContain('PGPASSWORD');
    expect(Object.keys(env)).not.toContain('PGUSER');
  });

  it('takes the master user name and password from the RDS-managed secret', () => {
    const { container } = provisionerDefinition(t, 'medications-dev-main-provisioner');
    const fromSecret = (key: string) => ({
      'Fn::Join': [
        '',
        [{ 'Fn::GetAtt': ['DatabaseMainInstance', 'MasterUserSecret.SecretArn'] }, `:${key}::`],
      ],
    });
    expect(container.Secrets).toEqual([
      { Name: 'PGUSER', ValueFrom: fromSecret('username') },
      { Name: 'PGPASSWORD', ValueFrom: fromSecret('password') },
    ]);
  });

  it('uses fixed role names, the execution role reading only that secret and its log', () => {
    const { definition } = provisionerDefinition(t, 'medications-dev-main-provisioner');
    const exec = roleIdNamed(t, 'medications-dev-main-provision-exec');
    const task = roleIdNamed(t, 'medications-dev-main-provision-task');
    expect(definition.Properties.ExecutionRoleArn).toEqual({ 'Fn::GetAtt': [exec, 'Arn'] });
    expect(definition.Properties.TaskRoleArn).toEqual({ 'Fn::GetAtt': [task, 'Arn'] });
    const execPolicy = onlyResource(
      t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: exec }] } }),
    );
    expect(execPolicy.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': ['DatabaseMainProvisionerLogGroup', 'Arn'] },
      }),
      expect.objectContaining({
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: { 'Fn::GetAtt': ['DatabaseMainInstance', 'MasterUserSecret.SecretArn'] },
      }),
    ]);
  });

  it('gives the task role no permissions at all', () => {
    const task = roleIdNamed(t, 'medications-dev-main-provision-task');
    const role = t.findResources('AWS::IAM::Role')[task]!;
    expect(role.Properties.Policies).toBeUndefined();
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const attached = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(`"${task}"`),
    );
    expect(attached).toEqual([]);
  });

  it('logs to a retained group with the environment retention', () => {
    const dev = model.environments.find((e) => e.name === 'dev')!;
    t.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ RetentionInDays: dev.logRetentionDays }),
    });
    const group = t.toJSON().Resources.DatabaseMainProvisionerLogGroup;
    expect(group).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: dev.logRetentionDays },
    });
    const { container } = provisionerDefinition(t, 'medications-dev-main-provisioner');
    expect(container.LogConfiguration).toEqual({
      LogDriver: 'awslogs',
      Options: expect.objectContaining({
        'awslogs-group': { Ref: 'DatabaseMainProvisionerLogGroup' },
        'awslogs-stream-prefix': 'provision',
      }),
    });
  });

  it('admits its own security group to the database port, and nothing to its group', () => {
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432,
      ToPort: 5432,
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DatabaseMainSecurityGroup'), 'GroupId'] },
      SourceSecurityGroupId: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^DatabaseMainProvisionerSecurityGroup'), 'GroupId'],
      },
    });
    const groups = t.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: 'main database provisioner: no ingress' },
    });
    expect(onlyResource(groups).Properties.SecurityGroupIngress).toBeUndefined();
  });

  it('names the database when a provisioner role name would pass 64 characters', () => {
    const long = 'customer-order-history-archive-main';
    const tooLong = withDev(model, (dev) => ({
      ...dev,
      databases: [...dev.databases, { ...dev.databases[0]!, name: long }],
    }));
    expect(`medications-dev-${long}-provision-exec`.length).toBeGreaterThan(64);
    expect(() => buildOnly(tooLong)).toThrow(ModelError);
    expect(() => buildOnly(tooLong)).toThrow(
      new RegExp(`environments\\.dev\\.databases\\.${long}: the provisioner role name .* IAM allows 64`),
    );
  });

  it('accepts a role name of exactly 64 characters', () => {
    const name = 'd'.repeat(64 - 'medications-dev--provision-exec'.length);
    const fits = withDev(model, (dev) => ({
      ...dev,
      databases: [...dev.databases, { ...dev.databases[0]!, name }],
    }));
    expect(() => buildOnly(fits)).not.toThrow();
  });
});

describe('database provisioner (megadolls)', () => {
  let model: AppModel;
  let fx: FixtureApp;
  beforeAll(async () => {
    const loaded = await loadConfig(path.join(EXAMPLES, 'megadolls/slipway.config.ts'));
    // A second database, used by no service, still gets its own provisioner.
    model = withDev(loaded, (dev) => ({
      ...dev,
      databases: [
        ...dev.databases,
        { ...dev.databases[0]!, name: 'reports', databaseName: 'reports', appUsername: 'reports_app' },
      ],
    }));
    fx = fixtureApp(model);
  });
  afterAll(() => fx?.dispose());

  it('gives every database of every environment one provisioner of its own', () => {
    for (const env of model.environments) {
      const t = fx.template(env.stackNames.data);
      expect(env.databases.length).toBeGreaterThan(0);
      t.resourceCountIs('AWS::ECS::TaskDefinition', env.databases.length);
      for (const database of env.databases) {
        const { container } = provisionerDefinition(t, `megadolls-${env.name}-${database.name}-provisioner`);
        const vars = Object.fromEntries(container.Environment.map((e) => [e.Name, e.Value]));
        expect(vars.SLIPWAY_DATABASE).toBe(database.databaseName);
        expect(vars.SLIPWAY_ROLE).toBe(database.appUsername);
        for (const kind of ['exec', 'task']) {
          roleIdNamed(t, `megadolls-${env.name}-${database.name}-provision-${kind}`);
        }
      }
    }
    expect(model.environments.find((e) => e.name === 'dev')?.databases).toHaveLength(2);
  });
});
