import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authPublicServiceChecksTokens } from '../../../src/checks/rules/auth/public-service-checks-tokens.js';
import { runRules } from '../../../src/checks/rules/run-rules.js';
import { resolveConfig } from '../../../src/config/resolve.js';
import type { SlipwayConfig } from '../../../src/config/schema.js';
import { allFindings } from '../../../src/plan/findings.js';
import { runPlan } from '../../../src/plan/run-plan.js';
import type { CfnResource, CfnTemplate } from '../../../src/template/types.js';
import { authConfig } from '../../stacks/auth-fixture.js';
import { checkRule } from './check-rule.js';

const rule = authPublicServiceChecksTokens;

/** A task definition whose one container gets these plain variables. */
function task(...names: string[]): CfnResource {
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      ContainerDefinitions: [{ Name: 'api', Environment: names.map((Name) => ({ Name, Value: 'x' })) }],
    },
  };
}

/** An ECS service on `Task`, behind a target group when public. */
function service(isPublic: boolean): CfnResource {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      TaskDefinition: { Ref: 'Task' },
      LoadBalancers: isPublic
        ? [{ ContainerName: 'api', ContainerPort: 8080, TargetGroupArn: { Ref: 'TargetGroup' } }]
        : [],
    },
  };
}

describe('Slipway-AUTH1 a public service checks tokens where there is a user pool', () => {
  it('fires on a public service whose task has no AUTH_USER_POOL_ID', () => {
    const open = checkRule(rule, service(true), { userPool: true, others: { Task: task('PORT') } });
    expect(open).toEqual({
      detail: 'task definition Task has no AUTH_USER_POOL_ID, so the service checks no token',
    });
  });

  it('does not fire on a service that checks tokens, an internal one, or where there is no pool', () => {
    const checking = { Task: task('PORT', 'AUTH_USER_POOL_ID', 'AUTH_CLIENT_IDS') };
    expect(checkRule(rule, service(true), { userPool: true, others: checking })).toBe('compliant');
    expect(checkRule(rule, service(false), { userPool: true, others: { Task: task() } })).toBe(
      'not-applicable',
    );
    expect(checkRule(rule, service(true), { userPool: false, others: { Task: task() } })).toBe(
      'not-applicable',
    );
    expect(checkRule(rule, service(true), { others: { Task: task() } })).toBe('not-applicable');
    expect(checkRule(rule, task(), { userPool: true })).toBe('not-applicable');
  });

  it('fires on a service behind an HTTP API: an integration in its stack reaches its Cloud Map entry', () => {
    const registered: CfnResource = {
      Type: 'AWS::ECS::Service',
      Properties: {
        TaskDefinition: { Ref: 'Task' },
        ServiceRegistries: [{ RegistryArn: { 'Fn::GetAtt': ['Discovery', 'Arn'] }, ContainerPort: 8080 }],
      },
    };
    const integration: CfnResource = {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: { IntegrationType: 'HTTP_PROXY', IntegrationUri: { 'Fn::GetAtt': ['Discovery', 'Arn'] } },
    };
    const discovery: CfnResource = { Type: 'AWS::ServiceDiscovery::Service', Properties: {} };
    expect(
      checkRule(rule, registered, {
        userPool: true,
        others: { Task: task('PORT'), Discovery: discovery, Integration: integration },
      }),
    ).toEqual({ detail: 'task definition Task has no AUTH_USER_POOL_ID, so the service checks no token' });
    // In Cloud Map for its callers only, with no integration to it: internal.
    expect(
      checkRule(rule, registered, { userPool: true, others: { Task: task('PORT'), Discovery: discovery } }),
    ).toBe('not-applicable');
  });

  it('is an error in production and a warning elsewhere', () => {
    const template: CfnTemplate = { Resources: { Service: service(true), Task: task('PORT') } };
    const stack = (env: string) => ({
      name: `shop-${env}-catalog`,
      environment: env,
      templatePath: '',
      template,
    });
    const levels = (production: boolean) =>
      runRules([stack(production ? 'prod' : 'dev')], () => ({ production, userPool: true }), [rule]).map(
        (f) => `${f.rule} ${f.level} ${f.resource}`,
      );
    expect(levels(true)).toEqual(['Slipway-AUTH1 error Service']);
    expect(levels(false)).toEqual(['Slipway-AUTH1 warning Service']);
    expect(runRules([stack('dev')], () => false, [rule])).toEqual([]);
  });
});

describe('Slipway-AUTH1 in a plan', () => {
  const outdirs: string[] = [];
  afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const planned = (config: SlipwayConfig) => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-auth1-'));
    outdirs.push(outdir);
    return allFindings(runPlan(resolveConfig(config), { outdir, cost: false })).filter(
      (f) => f.rule === 'Slipway-AUTH1',
    );
  };

  it('fires on a public catalogue without auth, until the config acknowledges it', () => {
    // Whatever the ingress: dev is on the HTTP API (the default outside production), prod on the load balancer.
    const config = authConfig();
    config.services!.catalog = { port: 8081, paths: ['/catalog/*'] };
    expect(resolveConfig(config).environments.map((e) => `${e.name} ${e.ingress}`)).toEqual([
      'dev http-api',
      'prod load-balancer',
    ]);
    const open = planned(config);
    expect(open.map((f) => `${f.stack} ${f.level} ${f.acknowledged}`).sort()).toEqual([
      'shop-dev-catalog warning false',
      'shop-prod-catalog error false',
    ]);
    expect(open[0]?.message).toContain("set the service's auth");

    config.acknowledgements = [
      {
        rule: 'Slipway-AUTH1',
        reason: 'The catalogue only serves the public price list; it has no write route to protect.',
      },
    ];
    const acknowledged = planned(config);
    expect(acknowledged).toHaveLength(2);
    expect(acknowledged.every((f) => f.acknowledged && f.reason?.startsWith('The catalogue'))).toBe(true);
  });

  it('stays quiet when every public service checks tokens (the internal catalog has none)', () => {
    expect(planned(authConfig())).toEqual([]);
  });
});
