import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ecsHttpApiContainerHealth } from '../../../src/checks/rules/ecs/http-api-container-health.js';
import { resolveConfig } from '../../../src/config/resolve.js';
import type { CfnResource, CfnTemplate } from '../../../src/template/types.js';
import { HEALTH, httpApiShop } from '../../fixtures/http-api-shop.js';
import { plansOnce } from '../../support/plans-once.js';
import { checkRule } from './check-rule.js';

const rule = ecsHttpApiContainerHealth;
const planOf = plansOnce(() => resolveConfig(httpApiShop(false)));

/** The task definition `Task`, its app container `web` with or without a health check. */
function task(healthCheck: boolean): CfnResource {
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      ContainerDefinitions: [
        { Name: 'otel' },
        { Name: 'web', ...(healthCheck ? { HealthCheck: { Command: ['CMD', 'node', 'check.js'] } } : {}) },
      ],
    },
  };
}

/** An ECS service registered in the Cloud Map service `Discovery`, behind a load balancer or not. */
function service(balanced: boolean): CfnResource {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      TaskDefinition: { Ref: 'Task' },
      ServiceRegistries: [{ RegistryArn: { 'Fn::GetAtt': ['Discovery', 'Arn'] }, ContainerName: 'web' }],
      LoadBalancers: balanced ? [{ ContainerName: 'web', TargetGroupArn: { Ref: 'TargetGroup' } }] : [],
    },
  };
}

const discovery: CfnResource = { Type: 'AWS::ServiceDiscovery::Service', Properties: {} };
const integration: CfnResource = {
  Type: 'AWS::ApiGatewayV2::Integration',
  Properties: { IntegrationUri: { 'Fn::GetAtt': ['Discovery', 'Arn'] } },
};

describe('Slipway-ECS8 a service an HTTP API reaches has a container health check', () => {
  it('warns on the app container without one, and passes with one', () => {
    const others = { Discovery: discovery, Integration: integration };
    const missing = checkRule(rule, service(false), { others: { ...others, Task: task(false) } });
    expect(missing).toMatchObject({ detail: expect.stringMatching(/container web has no health check/) });
    expect(checkRule(rule, service(false), { others: { ...others, Task: task(true) } })).toBe('compliant');
  });

  it('leaves alone a service behind the load balancer, or one no integration reaches', () => {
    expect(
      checkRule(rule, service(true), {
        others: { Discovery: discovery, Integration: integration, Task: task(false) },
      }),
    ).toBe('not-applicable');
    expect(checkRule(rule, service(false), { others: { Discovery: discovery, Task: task(false) } })).toBe(
      'not-applicable',
    );
  });

  it("builds the container health check from the config's command, starting after the grace period", () => {
    const web = planOf(undefined).environments[0]!.stacks.find((s) => s.name === 'shop-dev-web')!;
    const template = JSON.parse(readFileSync(web.template, 'utf8')) as CfnTemplate;
    const [definition] = Object.values(template.Resources ?? {}).filter(
      (r) => r.Type === 'AWS::ECS::TaskDefinition',
    );
    const [container] = definition!.Properties!.ContainerDefinitions as { HealthCheck?: unknown }[];
    expect(container!.HealthCheck).toEqual({
      Command: ['CMD', ...HEALTH],
      Interval: 15,
      Timeout: 5,
      Retries: 3,
      StartPeriod: 60,
    });
    // With it, the rule has nothing to say about the shop.
    const findings = planOf(undefined).environments[0]!.findings.filter((f) => f.rule === rule.id);
    expect(findings).toEqual([]);
  });
});
