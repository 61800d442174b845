import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnResource } from '../../src/template/types.js';
import { type FixtureApp, fixtureApp } from '../stacks/fixture-app.js';
import { exampleModel } from './fixtures.js';

interface ServiceProperties {
  readonly DeploymentController: unknown;
  readonly DeploymentConfiguration: {
    readonly Alarms: { readonly AlarmNames: readonly string[] };
    readonly CanaryConfiguration?: unknown;
  };
  readonly LoadBalancers: readonly { readonly AdvancedConfiguration?: unknown }[];
}

/**
 * What a release meets in each megadolls environment: the deploy workflows only start ECS
 * deployments, so the safety is in the service's deployment configuration (SECURITY.md 20–23).
 */
describe('safe rollouts in the megadolls example', () => {
  let app: FixtureApp;
  beforeAll(async () => {
    app = fixtureApp(await exampleModel('megadolls'));
  });
  afterAll(() => app.dispose());

  const resources = (stack: string, type: string): [string, CfnResource][] => {
    const found = app.synthesized.find((s) => s.name === stack);
    expect(found, stack).toBeDefined();
    return Object.entries(found?.template.Resources ?? {}).filter(([, r]) => r.Type === type);
  };
  const service = (stack: string) => {
    const [entry] = resources(stack, 'AWS::ECS::Service');
    return entry?.[1].Properties as unknown as ServiceProperties;
  };

  it('ships prod web as a 10 % canary with a 10-minute bake, rolled back on its alarms', () => {
    const web = service('megadolls-prod-web');
    expect(web.DeploymentController).toEqual({ Type: 'ECS' });
    expect(web.DeploymentConfiguration).toMatchObject({
      Strategy: 'CANARY',
      CanaryConfiguration: { CanaryPercent: 10, CanaryBakeTimeInMinutes: 10 },
      BakeTimeInMinutes: 10,
      MinimumHealthyPercent: 100,
      MaximumPercent: 200,
      Alarms: { Enable: true, Rollback: true },
    });
    // The alarms the rollback watches are in the same template, not just named.
    const alarmNames = resources('megadolls-prod-web', 'AWS::CloudWatch::Alarm').map(
      ([, alarm]) => alarm.Properties?.AlarmName,
    );
    expect(web.DeploymentConfiguration.Alarms.AlarmNames).toEqual([
      'megadolls-prod-web-5xx',
      'megadolls-prod-web-p99-latency',
    ]);
    for (const name of web.DeploymentConfiguration.Alarms.AlarmNames) expect(alarmNames).toContain(name);
  });

  it('gives the canary an alternate target group to shift traffic to', () => {
    const [balancer] = service('megadolls-prod-web').LoadBalancers;
    expect(balancer?.AdvancedConfiguration).toMatchObject({
      AlternateTargetGroupArn: expect.anything(),
      ProductionListenerRule: expect.anything(),
      RoleArn: expect.anything(),
    });
  });

  it('rolls dev out all at once behind the circuit breaker, still with alarm rollback', () => {
    const web = service('megadolls-dev-web');
    expect(web.DeploymentConfiguration).toMatchObject({
      Strategy: 'ROLLING',
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      Alarms: { Enable: true, Rollback: true },
    });
    expect(web.DeploymentConfiguration.CanaryConfiguration).toBeUndefined();
  });
});
