import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel } from '../../src/model/types.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');
const DEV = '111111111111';
const PROD = '222222222222';
const PROVISIONER_SIDS = [
  'RunDatabaseProvisioner',
  'WatchDatabaseProvisioner',
  'DescribeProvisionerDefinition',
  'PassProvisionerRoles',
  'ReadProvisionerLog',
];

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string>>;
}

/** The statements of an environment's GitHub deploy role in the CI stack. */
function deployRoleStatements(t: Template, logicalIdPart: string): Statement[] {
  const policy = onlyResource(
    t.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp(`^DeployRole${logicalIdPart}`) }] },
    }),
  );
  return policy.Properties.PolicyDocument.Statement as Statement[];
}

function bySid(statements: readonly Statement[], sid: string): Statement {
  const found = statements.filter((s) => s.Sid === sid);
  expect(found, sid).toHaveLength(1);
  return found[0]!;
}

/** An IAM resource pattern as a regular expression: `*` any run of characters, `?` any one. */
function iamPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replaceAll('*', '.*').replaceAll('?', '.')}$`);
}

/** The name CloudFormation gives a resource without a fixed name: `<stack>-<logical id>-<suffix>`. */
function generatedName(stack: string, logicalId: string): string {
  return `${`${stack}-${logicalId}`.slice(0, 50)}-A1B2C3D4E5F6`;
}

describe('provisioner permissions of the medications deploy roles', () => {
  let model: AppModel;
  let fx: FixtureApp;
  let ci: Template;
  let dev: Statement[];
  beforeAll(async () => {
    model = await loadConfig(path.join(EXAMPLES, 'medications/slipway.config.ts'));
    fx = fixtureApp(model);
    ci = fx.template('medications-ci');
    dev = deployRoleStatements(ci, 'Dev');
  });
  afterAll(() => fx?.dispose());

  /** Account of the stack a resource is in: its environment's, or the CI account. */
  const accountOf = (stack: string) =>
    model.environments.find((e) => {
      const { network, data, runtime, services } = e.stackNames;
      return [network, data, runtime, ...Object.values(services)].includes(stack);
    })?.account ?? model.ci.account;

  it("lets the dev deploy role run the provisioner task definitions in dev's cluster only", () => {
    const run = bySid(dev, 'RunDatabaseProvisioner');
    expect(run).toEqual({
      Sid: 'RunDatabaseProvisioner',
      Effect: 'Allow',
      Action: 'ecs:RunTask',
      Resource: `arn:aws:ecs:us-east-1:${DEV}:task-definition/medications-dev-main-provisioner:*`,
      Condition: { ArnEquals: { 'ecs:cluster': `arn:aws:ecs:us-east-1:${DEV}:cluster/medications-dev` } },
    });
    // The condition names the cluster the runtime stack creates.
    fx.template('medications-dev-runtime').hasResourceProperties('AWS::ECS::Cluster', {
      ClusterName: 'medications-dev',
    });
  });

  it('matches the provisioner task definitions and no service task definition', () => {
    const pattern = iamPattern(bySid(dev, 'RunDatabaseProvisioner').Resource as string);
    const families = fx
      .resources()
      .filter((r) => r.resource.Type === 'AWS::ECS::TaskDefinition')
      .map((r) => ({
        family: r.resource.Properties?.Family as string,
        arn: `arn:aws:ecs:us-east-1:${accountOf(r.stack)}:task-definition/${r.resource.Properties?.Family}:7`,
      }));
    expect(families.map((f) => f.family)).toContain('medications-dev-api');
    expect(families.filter((f) => pattern.test(f.arn)).map((f) => f.family)).toEqual([
      'medications-dev-main-provisioner',
    ]);
  });

  it('lets it pass exactly the two provisioner roles, and only to ECS tasks', () => {
    const pass = bySid(dev, 'PassProvisionerRoles');
    expect(pass).toMatchObject({
      Action: 'iam:PassRole',
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
    const patterns = (pass.Resource as string[]).map(iamPattern);
    const roles = fx
      .resources()
      .filter((r) => r.resource.Type === 'AWS::IAM::Role')
      .map((r) => {
        const name = (r.resource.Properties?.RoleName as string) ?? generatedName(r.stack, r.id);
        return { name, arn: `arn:aws:iam::${accountOf(r.stack)}:role/${name}` };
      });
    // Deploy roles, the image push role, service roles and prod's provisioner roles are all there.
    expect(roles.length).toBeGreaterThan(10);
    expect(
      roles
        .filter((r) => patterns.some((p) => p.test(r.arn)))
        .map((r) => r.name)
        .sort(),
    ).toEqual(['medications-dev-main-provision-exec', 'medications-dev-main-provision-task']);
  });

  it('lets it watch and stop tasks in the dev cluster and read the provisioner log streams', () => {
    expect(bySid(dev, 'WatchDatabaseProvisioner')).toMatchObject({
      Action: ['ecs:DescribeTasks', 'ecs:StopTask'],
      Resource: `arn:aws:ecs:us-east-1:${DEV}:task/medications-dev/*`,
    });
    const read = bySid(dev, 'ReadProvisionerLog');
    expect(read.Action).toBe('logs:GetLogEvents');
    // The group has no fixed name, so CloudFormation names it after the data stack.
    const group = fx.template('medications-dev-data').toJSON().Resources.DatabaseMainProvisionerLogGroup;
    expect(group.Properties.LogGroupName).toBeUndefined();
    const pattern = iamPattern(read.Resource as string);
    const name = generatedName('medications-dev-data', 'DatabaseMainProvisionerLogGroup');
    const stream = (group: string, s: string) =>
      `arn:aws:logs:us-east-1:${DEV}:log-group:${group}:log-stream:${s}`;
    expect(pattern.test(stream(name, 'provision/provision/0123456789abcdef'))).toBe(true);
    expect(pattern.test(stream(generatedName('medications-dev-api', 'ServiceLogGroup'), 'api/api/1'))).toBe(
      false,
    );
    expect(pattern.test(stream('/aws/rds/instance/medications-dev-main/postgresql', 'x'))).toBe(false);
  });

  it("scopes the prod deploy role's statements to prod", () => {
    const prod = deployRoleStatements(ci, 'Prod');
    expect(prod.map((s) => s.Sid)).toEqual(['AssumeCdkBootstrapRoles', ...PROVISIONER_SIDS]);
    expect(bySid(prod, 'RunDatabaseProvisioner').Condition).toEqual({
      ArnEquals: { 'ecs:cluster': `arn:aws:ecs:us-east-1:${PROD}:cluster/medications-prod` },
    });
    expect(bySid(prod, 'PassProvisionerRoles').Resource).toEqual([
      `arn:aws:iam::${PROD}:role/medications-prod-main-provision-exec`,
      `arn:aws:iam::${PROD}:role/medications-prod-main-provision-task`,
    ]);
  });
});

describe('provisioner permissions of an environment without databases', () => {
  let fx: FixtureApp;
  beforeAll(async () => {
    const model = await loadConfig(path.join(EXAMPLES, 'medications/slipway.config.ts'));
    fx = fixtureApp({
      ...model,
      environments: model.environments.map((e) =>
        e.name === 'dev'
          ? { ...e, databases: [], services: e.services.map((s) => ({ ...s, database: undefined })) }
          : e,
      ),
    });
  });
  afterAll(() => fx?.dispose());

  it('gives its deploy role none of them, and keeps them for the others', () => {
    const ci = fx.template('medications-ci');
    expect(deployRoleStatements(ci, 'Dev').map((s) => s.Sid)).toEqual(['AssumeCdkBootstrapRoles']);
    expect(deployRoleStatements(ci, 'Prod').map((s) => s.Sid)).toEqual([
      'AssumeCdkBootstrapRoles',
      ...PROVISIONER_SIDS,
    ]);
  });
});

describe('security checks of the medications CI stack', () => {
  let plan: PlanOutcome;
  let outdir: string;
  beforeAll(async () => {
    const model = await loadConfig(path.join(EXAMPLES, 'medications/slipway.config.ts'));
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-medications-checks-'));
    plan = runPlan(model, { outdir, cost: false });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('has zero unacknowledged error findings', () => {
    expect(plan.shared.stacks.map((s) => s.name)).toEqual(['medications-ci']);
    const open = plan.shared.findings.filter((f) => f.level === 'error' && !f.acknowledged);
    expect(open).toEqual([]);
  });

  it('acknowledges each provisioner wildcard with its reason, and none is stale', () => {
    const wildcards = (env: string, account: string) => [
      `arn:aws:ecs:us-east-1:${account}:task-definition/medications-${env}-main-provisioner:*`,
      `arn:aws:ecs:us-east-1:${account}:task/medications-${env}/*`,
      `arn:aws:logs:us-east-1:${account}:log-group:medications-${env}-data-*:log-stream:provision/*`,
    ];
    const expected = [...wildcards('dev', DEV), ...wildcards('prod', PROD)].map(
      (resource) => `AwsSolutions-IAM5[Resource::${resource}]`,
    );
    const acknowledged = plan.shared.findings.filter((f) => f.acknowledged && expected.includes(f.rule));
    expect(acknowledged.map((f) => f.rule).sort()).toEqual([...expected].sort());
    for (const finding of acknowledged) expect(finding.reason).toMatch(/database provisioner/);
    expect(plan.shared.findings.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
  });
});
