import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { authConfig } from './auth-fixture.js';

const read = (dir: string, stack: string) =>
  Template.fromJSON(JSON.parse(readFileSync(path.join(dir, `${stack}.template.json`), 'utf8')) as object);

describe('the user pool in the data stack', () => {
  let outdir: string;
  let plan: PlanOutcome;
  let dev: Template;
  let prod: Template;
  let devOrders: Template;
  let devCatalog: Template;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-auth-'));
    plan = runPlan(resolveConfig(authConfig()), { outdir, cost: false });
    dev = read(outdir, 'shop-dev-data');
    prod = read(outdir, 'shop-prod-data');
    devOrders = read(outdir, 'shop-dev-orders');
    devCatalog = read(outdir, 'shop-dev-catalog');
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('is an Essentials pool with a strong password policy and TOTP as the second factor', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'ESSENTIALS',
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('keeps production users: deletion protection and a retained pool; dev tears down', () => {
    const [prodPool] = Object.values(prod.findResources('AWS::Cognito::UserPool'));
    expect(prodPool?.Properties.DeletionProtection).toBe('ACTIVE');
    expect(prodPool?.DeletionPolicy).toBe('Retain');
    expect(prodPool?.UpdateReplacePolicy).toBe('Retain');
    const [devPool] = Object.values(dev.findResources('AWS::Cognito::UserPool'));
    expect(devPool?.Properties.DeletionProtection).toBe('INACTIVE');
    expect(devPool?.DeletionPolicy).toBe('Delete');
    expect(Object.keys(dev.findResources('AWS::Cognito::UserPool'))).toEqual(['UserPool']);
  });

  it('defines the resource server with its scopes and a Cognito domain per environment', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'orders',
      Scopes: [
        { ScopeName: 'read', ScopeDescription: 'Read orders' },
        { ScopeName: 'write', ScopeDescription: 'Create and change orders' },
      ],
    });
    dev.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'shop-dev' });
    prod.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'shop-prod' });
  });

  it('gives the SPA a public client with the code grant only, and the caller a secret with client credentials', () => {
    const web = Object.values(dev.findResources('AWS::Cognito::UserPoolClient')).find(
      (c) => c.Properties.ClientName === 'web',
    );
    expect(web?.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: ['https://shop.example.com/callback', 'http://localhost:5173/callback'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    // A resource-server scope refers to the server, so CloudFormation creates the server first.
    const scopes = JSON.stringify(web?.Properties.AllowedOAuthScopes);
    expect(scopes).toMatch(/"openid".*ResourceServerOrders.*"\/read"/);
    dev.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'payments',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [
        { 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('ResourceServerOrders') }, '/write']] },
      ],
    });
  });

  it('publishes the pool id and each client id as SSM parameters, never as exports', () => {
    for (const name of [
      'auth/user-pool-id',
      'auth/domain-prefix',
      'auth/clients/web/id',
      'auth/clients/payments/id',
    ]) {
      dev.hasResourceProperties('AWS::SSM::Parameter', { Name: `/shop/dev/data/${name}` });
    }
    expect(JSON.stringify(dev.toJSON())).not.toContain('Export');
  });

  it('gives the service with auth the three variables, read at deploy time; others nothing', () => {
    const [task] = Object.values(devOrders.findResources('AWS::ECS::TaskDefinition'));
    const variables = Object.fromEntries(
      (task?.Properties.ContainerDefinitions[0].Environment as { Name: string; Value: unknown }[]).map(
        (v) => [v.Name, v.Value],
      ),
    );
    expect(variables.AUTH_WRITE_SCOPE).toBe('orders/write');
    expect(JSON.stringify(variables.AUTH_USER_POOL_ID)).toContain('Ref');
    expect(JSON.stringify(variables.AUTH_CLIENT_IDS)).toMatch(/Fn::Join/);
    const parameters = devOrders.toJSON().Parameters as Record<string, { Default?: string }>;
    const defaults = Object.values(parameters).map((p) => p.Default);
    expect(defaults).toEqual(
      expect.arrayContaining([
        '/shop/dev/data/auth/user-pool-id',
        '/shop/dev/data/auth/clients/web/id',
        '/shop/dev/data/auth/clients/payments/id',
      ]),
    );
    expect(JSON.stringify(devCatalog.toJSON())).not.toContain('AUTH_');
  });

  it('creates no custom resource and no Lambda', () => {
    for (const stack of [dev, prod, devOrders]) {
      const types = Object.values(stack.toJSON().Resources as Record<string, { Type: string }>).map(
        (r) => r.Type,
      );
      expect(types.filter((t) => t.startsWith('Custom::') || t === 'AWS::Lambda::Function')).toEqual([]);
    }
  });

  it('leaves no open error: COG2 (optional MFA) and COG8 (Essentials, not Plus) acknowledged with reasons', () => {
    const cognito = allFindings(plan).filter((f) => f.rule.startsWith('AwsSolutions-COG'));
    expect(cognito.map((f) => `${f.stack} ${f.rule}`).sort()).toEqual([
      'shop-dev-data AwsSolutions-COG2',
      'shop-dev-data AwsSolutions-COG8',
      'shop-prod-data AwsSolutions-COG2',
      'shop-prod-data AwsSolutions-COG8',
    ]);
    expect(cognito.every((f) => f.acknowledged && (f.reason ?? '').length > 40)).toBe(true);
    expect(allFindings(plan).filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
  });

  it('passes cfn-lint', () => {
    const files = ['shop-dev-data', 'shop-prod-data', 'shop-dev-orders'].map((s) =>
      path.join(outdir, `${s}.template.json`),
    );
    expect(lintTemplates(files, { regions: ['eu-west-1'] }).errors).toEqual([]);
  }, 60_000);
});
