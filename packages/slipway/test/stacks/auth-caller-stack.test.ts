import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings, prepareChecks } from '../../src/checks/index.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { planPreview } from '../../src/preview/preview-plan.js';
import { buildPreviewApp } from '../../src/stacks/build-app.js';
import { isStatefulResource, statefulResources } from '../../src/stacks/shared/stateful-resources.js';
import { synthesize } from '../../src/stacks/synthesize.js';
import type { CfnTemplate } from '../../src/template/types.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { authConfig } from './auth-fixture.js';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

const read = (dir: string, stack: string) =>
  Template.fromJSON(JSON.parse(readFileSync(path.join(dir, `${stack}.template.json`), 'utf8')) as object);

/** The shop with an internal checkout service that signs in as the payments client; prod on its own keys. */
function callerConfig(): SlipwayConfig {
  const config = authConfig();
  config.auth!.machineClients = { payments: { scopes: ['orders/write'], service: 'checkout' } };
  config.services!.checkout = { port: 8082, public: false };
  config.environments.prod!.encryption = 'customer-managed';
  return config;
}

/** The parameter default (SSM name) behind each `Ref` in `value`, for reading a template's values. */
function parameterNames(template: Template, value: unknown): string[] {
  const parameters = template.toJSON().Parameters as Record<string, { Default?: string }>;
  return [...JSON.stringify(value).matchAll(/"Ref":"([^"]+)"/g)].map(
    ([, id]) => parameters[id!]?.Default ?? `(no parameter ${id})`,
  );
}

function taskContainer(template: Template): Record<string, unknown> {
  const [task] = Object.values(template.findResources('AWS::ECS::TaskDefinition')) as Resource[];
  return (task?.Properties.ContainerDefinitions as Record<string, unknown>[])[0]!;
}

function variablesOf(template: Template): Record<string, unknown> {
  const environment = taskContainer(template).Environment as { Name: string; Value: unknown }[];
  return Object.fromEntries(environment.map((v) => [v.Name, v.Value]));
}

/** Every statement of the execution role's policies (of `task`, or the template's one task), flattened. */
function executionStatements(template: Template, task?: Resource): Record<string, unknown>[] {
  const [only] = Object.values(template.findResources('AWS::ECS::TaskDefinition')) as Resource[];
  const role = JSON.stringify((task ?? only)?.Properties.ExecutionRoleArn).match(
    /"Fn::GetAtt":\["([^"]+)"/,
  )?.[1];
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${role}"`))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);
}

describe('a service that signs in as a machine client', () => {
  let outdir: string;
  let plan: PlanOutcome;
  let devData: Template;
  let prodData: Template;
  let devCheckout: Template;
  let prodCheckout: Template;
  let devOrders: Template;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-auth-caller-'));
    plan = runPlan(resolveConfig(callerConfig()), { outdir, cost: false });
    devData = read(outdir, 'shop-dev-data');
    prodData = read(outdir, 'shop-prod-data');
    devCheckout = read(outdir, 'shop-dev-checkout');
    prodCheckout = read(outdir, 'shop-prod-checkout');
    devOrders = read(outdir, 'shop-dev-orders');
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("copies the client's secret into a Secrets Manager secret from CloudFormation's ClientSecret attribute", () => {
    const clients = devData.findResources('AWS::Cognito::UserPoolClient', {
      Properties: { ClientName: 'payments' },
    });
    const [clientId] = Object.keys(clients);
    const secrets = devData.findResources('AWS::SecretsManager::Secret') as Record<string, Resource>;
    expect(Object.keys(secrets)).toEqual(['AuthClientPaymentsSecret']);
    const secret = secrets.AuthClientPaymentsSecret!;
    expect(secret.Properties).toMatchObject({
      Name: '/shop/dev/data/auth/clients/payments/secret',
      SecretString: { 'Fn::GetAtt': [clientId, 'ClientSecret'] },
    });
    expect(secret.Properties.KmsKeyId).toBeUndefined();
    // Cognito holds the secret; the copy goes with its client.
    expect(secret.DeletionPolicy).toBe('Delete');
    devData.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/shop/dev/data/auth/clients/payments/secret-arn',
      Value: { Ref: 'AuthClientPaymentsSecret' },
    });
  });

  it('lets a plan drop or replace the copy, unlike a team secret: CloudFormation writes it again from the client', () => {
    const copy = devData.findResources('AWS::SecretsManager::Secret').AuthClientPaymentsSecret as Resource;
    expect(isStatefulResource(copy, copy.Type)).toBe(false);
    expect(statefulResources(devData.toJSON() as CfnTemplate)).not.toHaveProperty('AuthClientPaymentsSecret');
    const teamSecret = { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'shop/api-key' } };
    expect(isStatefulResource(teamSecret, teamSecret.Type)).toBe(true);
  });

  it("encrypts the copy with the environment's data key under customer-managed encryption", () => {
    const secret = prodData.findResources('AWS::SecretsManager::Secret').AuthClientPaymentsSecret as Resource;
    expect(JSON.stringify(secret.Properties.KmsKeyId)).toMatch(/DataKey/);
  });

  it('gives the service the token URL, client id and scopes as variables and the secret as a container secret', () => {
    const variables = variablesOf(devCheckout);
    expect(
      Object.keys(variables)
        .filter((name) => name.startsWith('AUTH_'))
        .sort(),
    ).toEqual(['AUTH_CALLER_CLIENT_ID', 'AUTH_CALLER_SCOPES', 'AUTH_TOKEN_URL']);
    expect(variables.AUTH_CALLER_SCOPES).toBe('orders/write');
    expect(variables.AUTH_TOKEN_URL).toEqual({
      'Fn::Join': ['', ['https://', expect.anything(), '.auth.eu-west-1.amazoncognito.com/oauth2/token']],
    });
    expect(parameterNames(devCheckout, variables.AUTH_TOKEN_URL)).toEqual([
      '/shop/dev/data/auth/domain-prefix',
    ]);
    expect(parameterNames(devCheckout, variables.AUTH_CALLER_CLIENT_ID)).toEqual([
      '/shop/dev/data/auth/clients/payments/id',
    ]);
    const secrets = taskContainer(devCheckout).Secrets as { Name: string; ValueFrom: unknown }[];
    expect(secrets.map((s) => s.Name)).toEqual(['AUTH_CALLER_CLIENT_SECRET']);
    expect(parameterNames(devCheckout, secrets[0]!.ValueFrom)).toEqual([
      '/shop/dev/data/auth/clients/payments/secret-arn',
    ]);
  });

  it('lets the execution role read that one secret, and decrypt it with the data key only through Secrets Manager', () => {
    const reads = executionStatements(devCheckout).filter((s) =>
      JSON.stringify(s.Action).includes('secretsmanager:'),
    );
    expect(reads).toHaveLength(1);
    expect(parameterNames(devCheckout, reads[0]!.Resource)).toEqual([
      '/shop/dev/data/auth/clients/payments/secret-arn',
    ]);
    expect(JSON.stringify(executionStatements(devCheckout))).not.toContain('kms:');

    const prodStatements = executionStatements(prodCheckout);
    const decrypt = prodStatements.filter((s) => JSON.stringify(s.Action).includes('kms:Decrypt'));
    expect(decrypt).toHaveLength(1);
    expect(parameterNames(prodCheckout, decrypt[0]!.Resource)).toEqual(['/shop/prod/data/key-arn']);
    expect(JSON.stringify(decrypt[0]!.Condition)).toContain('secretsmanager.eu-west-1.amazonaws.com');
  });

  it('gives a service that only checks tokens none of the caller variables', () => {
    expect(Object.keys(variablesOf(devOrders)).filter((name) => name.startsWith('AUTH_CALLER'))).toEqual([]);
    expect(variablesOf(devOrders).AUTH_TOKEN_URL).toBeUndefined();
    expect(taskContainer(devOrders).Secrets).toBeUndefined();
  });

  it('creates no custom resource and no Lambda', () => {
    const stacks = readdirSync(outdir).filter((file) => file.endsWith('.template.json'));
    expect(stacks.length).toBeGreaterThan(4);
    for (const file of stacks) {
      const template = read(outdir, file.replace('.template.json', '')).toJSON() as {
        Resources?: Record<string, { Type: string }>;
      };
      const types = Object.values(template.Resources ?? {}).map((r) => r.Type);
      expect(types.filter((t) => t.startsWith('Custom::') || t === 'AWS::Lambda::Function')).toEqual([]);
    }
  });

  it('leaves no open error: the copy without rotation or retention, and the token URL, acknowledged with reasons', () => {
    const findings = allFindings(plan);
    const accepted = findings
      .filter((f) => ['AwsSolutions-SMG4', 'Slipway-CFN1', 'Slipway-ECS1'].includes(f.rule))
      .map((f) => `${f.stack} ${f.rule} ${f.acknowledged}`)
      .sort();
    expect(accepted).toEqual([
      'shop-dev-checkout Slipway-ECS1 true',
      'shop-dev-data AwsSolutions-SMG4 true',
      'shop-dev-data Slipway-CFN1 true',
      'shop-prod-checkout Slipway-ECS1 true',
      'shop-prod-data AwsSolutions-SMG4 true',
      'shop-prod-data Slipway-CFN1 true',
    ]);
    expect(findings.filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
  });

  it('passes cfn-lint', () => {
    const files = ['shop-dev-data', 'shop-prod-data', 'shop-dev-checkout', 'shop-prod-checkout'].map((s) =>
      path.join(outdir, `${s}.template.json`),
    );
    expect(lintTemplates(files, { regions: ['eu-west-1'] }).errors).toEqual([]);
  }, 60_000);
});

describe("a preview of the caller's environment", () => {
  it("reads the copied environment's client id, domain and secret, and the role reads that secret alone", () => {
    const model = resolveConfig(callerConfig());
    const plan = planPreview(model, { branch: 'feat/pay', now: new Date('2026-06-01T12:00:00Z') });
    const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-auth-caller-preview-'));
    try {
      const built = buildPreviewApp(model, plan, { outdir });
      prepareChecks(built.app, model);
      const [stack] = synthesize(built);
      const template = Template.fromJSON(stack!.template);
      const tasks = Object.values(template.findResources('AWS::ECS::TaskDefinition')) as Resource[];
      const containerOf = (task: Resource) =>
        (task.Properties.ContainerDefinitions as Record<string, unknown>[])[0]!;
      const checkoutTask = tasks.find((task) => containerOf(task).Name === 'checkout')!;
      const checkout = containerOf(checkoutTask);
      const variables = Object.fromEntries(
        (checkout?.Environment as { Name: string; Value: unknown }[]).map((v) => [v.Name, v.Value]),
      );
      expect(parameterNames(template, variables.AUTH_CALLER_CLIENT_ID)).toEqual([
        '/shop/dev/data/auth/clients/payments/id',
      ]);
      expect(parameterNames(template, variables.AUTH_TOKEN_URL)).toEqual([
        '/shop/dev/data/auth/domain-prefix',
      ]);
      const secrets = checkout?.Secrets as { Name: string; ValueFrom: unknown }[];
      expect(parameterNames(template, secrets[0]!.ValueFrom)).toEqual([
        '/shop/dev/data/auth/clients/payments/secret-arn',
      ]);
      const reads = executionStatements(template, checkoutTask).filter((statement) =>
        JSON.stringify(statement.Action).includes('secretsmanager:'),
      );
      expect(reads.flatMap((statement) => parameterNames(template, statement.Resource))).toEqual([
        '/shop/dev/data/auth/clients/payments/secret-arn',
      ]);
      const findings = collectFindings({ app: built.app, stacks: [stack!], model, allEnvironments: false });
      expect(findings.filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
