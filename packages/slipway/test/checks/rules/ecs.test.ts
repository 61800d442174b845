import { describe, expect, it } from 'vitest';
import { ecsDeploymentAlarms } from '../../../src/checks/rules/ecs/deployment-alarms.js';
import { ecsDeregistrationWithinStopTimeout } from '../../../src/checks/rules/ecs/deregistration-within-stop-timeout.js';
import { ecsNoSecretEnvironment } from '../../../src/checks/rules/ecs/no-secret-environment.js';
import { ecsProductionDeploymentPercents } from '../../../src/checks/rules/ecs/production-deployment-percents.js';
import { ecsProductionDesiredCount } from '../../../src/checks/rules/ecs/production-desired-count.js';
import { ecsProductionHealthCheckGrace } from '../../../src/checks/rules/ecs/production-health-check-grace.js';
import { ecsRollingCircuitBreaker } from '../../../src/checks/rules/ecs/rolling-circuit-breaker.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

function service(
  properties: Record<string, unknown> = {},
  deployment: Record<string, unknown> = {},
): CfnResource {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      TaskDefinition: { Ref: 'Task' },
      DesiredCount: 2,
      DeploymentConfiguration: deployment,
      ...properties,
    },
  };
}

function taskDefinition(containers: Record<string, unknown>[]): CfnResource {
  return { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: containers } };
}

function targetGroup(delaySeconds?: string): CfnResource {
  const attributes =
    delaySeconds === undefined ? [] : [{ Key: 'deregistration_delay.timeout_seconds', Value: delaySeconds }];
  return {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: { TargetGroupAttributes: attributes },
  };
}

const alarm: CfnResource = { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'shop-prod-web-5xx' } };
const behindLoadBalancer = {
  LoadBalancers: [{ ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: { Ref: 'Targets' } }],
};

describe('Slipway-ECS1 no credentials in plain environment', () => {
  it('accepts plain configuration and credentials passed as secrets', () => {
    const task = taskDefinition([
      {
        Name: 'app',
        Environment: [{ Name: 'LOG_LEVEL', Value: 'info' }],
        Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: 'arn' }],
      },
    ]);
    expect(checkRule(ecsNoSecretEnvironment, task)).toBe('compliant');
  });

  it('rejects credential-looking names in the plain environment', () => {
    const task = taskDefinition([
      {
        Name: 'app',
        Environment: [
          { Name: 'db_password', Value: 'x' },
          { Name: 'STRIPE_API_KEY', Value: 'y' },
        ],
      },
    ]);
    expect(checkRule(ecsNoSecretEnvironment, task)).toEqual({
      detail: 'app: db_password, app: STRIPE_API_KEY',
    });
  });
});

describe('Slipway-ECS2 circuit breaker on rolling deployments', () => {
  it('accepts a rolling service with the breaker and rollback', () => {
    const result = checkRule(
      ecsRollingCircuitBreaker,
      service({}, { DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
    );
    expect(result).toBe('compliant');
  });

  it('rejects a breaker that does not roll back', () => {
    const result = checkRule(
      ecsRollingCircuitBreaker,
      service({}, { DeploymentCircuitBreaker: { Enable: true, Rollback: false } }),
    );
    expect(result).toBe('non-compliant');
  });

  it('leaves native canary deployments to the alarms', () => {
    expect(checkRule(ecsRollingCircuitBreaker, service({}, { Strategy: 'CANARY' }))).toBe('not-applicable');
  });
});

describe('Slipway-ECS3 deployment alarms', () => {
  const enabled = (names: unknown[]) => ({ Alarms: { Enable: true, Rollback: true, AlarmNames: names } });

  it('accepts alarms named by Ref or by AlarmName', () => {
    const others = { Errors: alarm, Latency: { Type: 'AWS::CloudWatch::Alarm', Properties: {} } };
    const result = checkRule(
      ecsDeploymentAlarms,
      service({}, enabled(['shop-prod-web-5xx', { Ref: 'Latency' }])),
      { others },
    );
    expect(result).toBe('compliant');
  });

  it('rejects disabled alarms', () => {
    const result = checkRule(
      ecsDeploymentAlarms,
      service({}, { Alarms: { Enable: false, Rollback: false, AlarmNames: [] } }),
    );
    expect(result).toEqual({ detail: 'DeploymentConfiguration.Alarms is not enabled with Rollback' });
  });

  it('rejects an alarm name that no alarm in the stack has', () => {
    const result = checkRule(ecsDeploymentAlarms, service({}, enabled(['shop-prod-web-typo'])), {
      others: { Errors: alarm },
    });
    expect(result).toEqual({ detail: 'alarm shop-prod-web-typo is not defined in this stack' });
  });
});

describe('Slipway-ECS4 production deployment percents', () => {
  it("accepts ECS's defaults of 100 and 200", () => {
    expect(checkRule(ecsProductionDeploymentPercents, service(), { production: true })).toBe('compliant');
  });

  it('rejects a minimum healthy percent below 100 in production', () => {
    const result = checkRule(
      ecsProductionDeploymentPercents,
      service({}, { MinimumHealthyPercent: 50, MaximumPercent: 200 }),
      {
        production: true,
      },
    );
    expect(result).toEqual({ detail: 'MinimumHealthyPercent is 50' });
  });

  it('does not apply outside production', () => {
    expect(checkRule(ecsProductionDeploymentPercents, service({}, { MinimumHealthyPercent: 50 }))).toBe(
      'not-applicable',
    );
  });
});

describe('Slipway-ECS5 production desired count', () => {
  it('accepts two tasks', () => {
    expect(checkRule(ecsProductionDesiredCount, service(), { production: true })).toBe('compliant');
  });

  it('rejects a single task', () => {
    expect(checkRule(ecsProductionDesiredCount, service({ DesiredCount: 1 }), { production: true })).toEqual({
      detail: 'DesiredCount is 1',
    });
  });

  it('rejects autoscaling that may scale in to one task', () => {
    const others = {
      Scaling: {
        Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
        Properties: {
          MinCapacity: 1,
          MaxCapacity: 4,
          ResourceId: { 'Fn::Join': ['/', ['service', 'cluster', { 'Fn::GetAtt': ['Subject', 'Name'] }]] },
        },
      },
    };
    expect(
      checkRule(ecsProductionDesiredCount, service({ DesiredCount: undefined }), {
        production: true,
        others,
      }),
    ).toEqual({
      detail: 'Scaling MinCapacity is 1',
    });
  });
});

describe('Slipway-ECS6 production health-check grace period', () => {
  it('accepts a grace period on a service behind a load balancer', () => {
    const result = checkRule(
      ecsProductionHealthCheckGrace,
      service({ ...behindLoadBalancer, HealthCheckGracePeriodSeconds: 60 }),
      {
        production: true,
      },
    );
    expect(result).toBe('compliant');
  });

  it('rejects a production service behind a load balancer without one', () => {
    expect(checkRule(ecsProductionHealthCheckGrace, service(behindLoadBalancer), { production: true })).toBe(
      'non-compliant',
    );
  });
});

describe('Slipway-ECS7 deregistration delay within the stop timeout', () => {
  it('accepts a 20 s delay with the default 30 s stop timeout', () => {
    const others = { Targets: targetGroup('20'), Task: taskDefinition([{ Name: 'app' }]) };
    expect(checkRule(ecsDeregistrationWithinStopTimeout, service(behindLoadBalancer), { others })).toBe(
      'compliant',
    );
  });

  it("rejects the load balancer's 300 s default against a 30 s stop timeout", () => {
    const others = { Targets: targetGroup(), Task: taskDefinition([{ Name: 'app', StopTimeout: 30 }]) };
    expect(checkRule(ecsDeregistrationWithinStopTimeout, service(behindLoadBalancer), { others })).toEqual({
      detail: 'Targets drains for 300 s but container app stops after 30 s',
    });
  });

  it('skips services whose target group lives in another stack', () => {
    const others = { Task: taskDefinition([{ Name: 'app' }]) };
    expect(checkRule(ecsDeregistrationWithinStopTimeout, service(behindLoadBalancer), { others })).toBe(
      'not-applicable',
    );
  });
});
