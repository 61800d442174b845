import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import type { CfnResource } from '../../src/template/types.js';
import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import { plannedStacks } from '../support/planned-stacks.js';

/**
 * A public `api` and an internal `worker` on a database and a cache: dev at the essential alarms
 * with standard Container Insights, prod at every alarm with enhanced Container Insights. Dev and
 * staging are on the HTTP API (the default outside production), staging at every alarm; prod keeps
 * the load balancer, so each service alarm is seen behind both.
 */
const CONFIG: SlipwayConfig = {
  app: 'shop',
  github: { repository: 'acme/shop' },
  databases: { main: {} },
  caches: { sessions: {} },
  services: {
    api: { port: 8080, database: 'main', cache: 'sessions' },
    worker: { port: 9000, public: false },
  },
  acknowledgements: [
    { rule: 'Slipway-ELB5', stack: 'shop-prod-runtime', reason: 'A test app with no domain of its own.' },
  ],
  environments: {
    dev: {
      account: '111111111111',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
    },
    staging: {
      account: '333333333333',
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      observability: { alarms: 'all' },
    },
    prod: {
      production: true,
      account: '222222222222',
      region: 'eu-west-1',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      observability: { alerts: { email: ['oncall@example.com'] } },
    },
  },
};

describe('alarms, the monitoring stack and its dashboard', () => {
  let plan: PlanOutcome;
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-monitoring-'));
    plan = runPlan(resolveConfig(CONFIG), { outdir });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const { ofType } = plannedStacks(() => plan);
  const alarmNames = (stack: string) =>
    ofType(stack, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties?.['AlarmName'] as string);
  const byName = (stack: string, type: string, name: string) =>
    ofType(stack, type).find(([, r]) => r.Properties?.['AlarmName'] === name)?.[1];
  const notifies = (resource: CfnResource | undefined) =>
    ((resource?.Properties?.['AlarmActions'] as unknown[] | undefined) ?? []).length > 0;

  it('puts dev and staging on the HTTP API and prod on the load balancer', () => {
    expect(resolveConfig(CONFIG).environments.map((e) => `${e.name} ${e.ingress}`)).toEqual([
      'dev http-api',
      'staging http-api',
      'prod load-balancer',
    ]);
  });

  it('deploys the monitoring stack last in each environment', () => {
    for (const env of ['dev', 'staging', 'prod']) {
      const names = plan.environments.find((e) => e.name === env)!.stacks.map((s) => s.name);
      expect(names.at(-1)).toBe(`shop-${env}-monitoring`);
    }
  });

  it('gives dev the essential alarms: the deployment pair, "down" signals and one composite per service', () => {
    // Behind the HTTP API there are no target groups: the "down" signal is the running tasks.
    expect(alarmNames('shop-dev-api').sort()).toEqual([
      'shop-dev-api-5xx',
      'shop-dev-api-no-running-tasks',
      'shop-dev-api-p99-latency',
    ]);
    expect(alarmNames('shop-dev-worker')).toEqual(['shop-dev-worker-no-running-tasks']);
    expect(alarmNames('shop-dev-monitoring')).toEqual([]);
    // The error-lines metric exists at every level, for the dashboard; its alarm only at 'all'.
    expect(ofType('shop-dev-api', 'AWS::Logs::MetricFilter')).toHaveLength(1);
  });

  it('wakes a person once when a public service is down: the composite notifies, its parts do not', () => {
    // Behind the HTTP API (dev) and behind the load balancer (prod): the "down" signal OR the 5xx.
    for (const [env, signal] of [
      ['dev', 'no-running-tasks'],
      ['prod', 'no-healthy-targets'],
    ] as const) {
      const stack = `shop-${env}-api`;
      const [, composite] = ofType(stack, 'AWS::CloudWatch::CompositeAlarm')[0]!;
      expect(composite.Properties?.['AlarmName']).toBe(`${stack}-down`);
      const rule = JSON.stringify(composite.Properties?.['AlarmRule']);
      expect(rule).toContain('ALARM(');
      expect(rule).toContain(' OR ');
      const parts = [...rule.matchAll(/"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/g)].map((m) => m[1]);
      const logicalIdOf = (name: string) =>
        ofType(stack, 'AWS::CloudWatch::Alarm').find(([, r]) => r.Properties?.['AlarmName'] === name)?.[0];
      expect(parts.sort(), env).toEqual(
        [logicalIdOf(`${stack}-5xx`), logicalIdOf(`${stack}-${signal}`)].sort(),
      );
      expect(notifies(composite), env).toBe(true);
      expect(notifies(byName(stack, 'AWS::CloudWatch::Alarm', `${stack}-5xx`)), env).toBe(false);
      expect(notifies(byName(stack, 'AWS::CloudWatch::Alarm', `${stack}-${signal}`)), env).toBe(false);
      expect(notifies(byName(stack, 'AWS::CloudWatch::Alarm', `${stack}-p99-latency`)), env).toBe(true);
    }
    const [, worker] = ofType('shop-dev-worker', 'AWS::CloudWatch::CompositeAlarm')[0]!;
    expect(worker.Properties?.['AlarmName']).toBe('shop-dev-worker-down');
  });

  it('keeps the deployment alarms under their logical ids and names, and ECS rolls back on them', () => {
    const ids = ofType('shop-prod-api', 'AWS::CloudWatch::Alarm').map(([id]) => id);
    expect(ids.some((id) => id.startsWith('AlarmsErrors'))).toBe(true);
    expect(ids.some((id) => id.startsWith('AlarmsLatency'))).toBe(true);
    const [, service] = ofType('shop-prod-api', 'AWS::ECS::Service')[0]!;
    expect(service.Properties?.['DeploymentConfiguration']).toMatchObject({
      Alarms: {
        AlarmNames: ['shop-prod-api-5xx', 'shop-prod-api-p99-latency'],
        Enable: true,
        Rollback: true,
      },
    });
  });

  it('gives prod every alarm, each that is not part of a composite notifying the topic', () => {
    expect(alarmNames('shop-prod-api').sort()).toEqual([
      'shop-prod-api-5xx',
      'shop-prod-api-cpu',
      'shop-prod-api-error-lines',
      'shop-prod-api-memory',
      'shop-prod-api-no-healthy-targets',
      'shop-prod-api-p99-latency',
      'shop-prod-api-unhealthy-hosts',
    ]);
    expect(alarmNames('shop-prod-worker').sort()).toEqual([
      'shop-prod-worker-cpu',
      'shop-prod-worker-error-lines',
      'shop-prod-worker-memory',
      'shop-prod-worker-no-running-tasks',
    ]);
    expect(alarmNames('shop-prod-monitoring').sort()).toEqual([
      'shop-prod-elb-5xx-high',
      'shop-prod-main-db-connections-high',
      'shop-prod-main-db-cpu-high',
      'shop-prod-main-db-storage-low',
      'shop-prod-sessions-cache-cpu-high',
      'shop-prod-sessions-cache-memory-high',
    ]);
    for (const name of alarmNames('shop-prod-monitoring')) {
      expect(notifies(byName('shop-prod-monitoring', 'AWS::CloudWatch::Alarm', name)), name).toBe(true);
    }
    for (const name of ['cpu', 'memory', 'error-lines', 'unhealthy-hosts']) {
      expect(notifies(byName('shop-prod-api', 'AWS::CloudWatch::Alarm', `shop-prod-api-${name}`)), name).toBe(
        true,
      );
    }
  });

  it('gives staging every alarm there is behind the HTTP API: no target groups, no load balancer', () => {
    expect(alarmNames('shop-staging-api').sort()).toEqual([
      'shop-staging-api-5xx',
      'shop-staging-api-cpu',
      'shop-staging-api-error-lines',
      'shop-staging-api-memory',
      'shop-staging-api-no-running-tasks',
      'shop-staging-api-p99-latency',
    ]);
    expect(alarmNames('shop-staging-monitoring').sort()).toEqual([
      'shop-staging-main-db-connections-high',
      'shop-staging-main-db-cpu-high',
      'shop-staging-main-db-storage-low',
      'shop-staging-sessions-cache-cpu-high',
      'shop-staging-sessions-cache-memory-high',
    ]);
    for (const name of ['cpu', 'memory', 'error-lines', 'p99-latency']) {
      const alarm = byName('shop-staging-api', 'AWS::CloudWatch::Alarm', `shop-staging-api-${name}`);
      expect(notifies(alarm), name).toBe(true);
    }
  });

  it('counts JSON error lines, as words (pino) or numbers', () => {
    const [, filter] = ofType('shop-prod-api', 'AWS::Logs::MetricFilter')[0]!;
    const pattern = filter.Properties?.['FilterPattern'] as string;
    expect(pattern).toContain('$.level = "error"');
    expect(pattern).toContain('$.level = "fatal"');
    expect(pattern).toContain('$.level >= 50');
    expect(filter.Properties?.['MetricTransformations']).toMatchObject([
      { MetricNamespace: 'Slipway/shop/prod', MetricName: 'api-error-lines', MetricValue: '1' },
    ]);
  });

  it('sets Container Insights by stage: standard in dev, enhanced in prod', () => {
    const insights = (env: string) =>
      (
        ofType(`shop-${env}-runtime`, 'AWS::ECS::Cluster')[0]![1].Properties?.['ClusterSettings'] as unknown[]
      )[0];
    expect(insights('dev')).toEqual({ Name: 'containerInsights', Value: 'enabled' });
    expect(insights('prod')).toEqual({ Name: 'containerInsights', Value: 'enhanced' });
  });

  it("has a dashboard per environment whose alarms all exist in the environment's stacks", () => {
    for (const env of ['dev', 'staging', 'prod']) {
      const dashboards = ofType(`shop-${env}-monitoring`, 'AWS::CloudWatch::Dashboard');
      expect(dashboards).toHaveLength(1);
      const body = JSON.stringify(dashboards[0]![1].Properties?.['DashboardBody']);
      const referenced = [...body.matchAll(/:alarm:([a-z0-9-]+)/g)].map((m) => m[1]!);
      expect(referenced.length).toBeGreaterThan(0);
      const existing = new Set(
        plan.environments
          .find((e) => e.name === env)!
          .stacks.flatMap((s) => [
            ...ofType(s.name, 'AWS::CloudWatch::Alarm'),
            ...ofType(s.name, 'AWS::CloudWatch::CompositeAlarm'),
          ])
          .map(([, r]) => r.Properties?.['AlarmName'] as string),
      );
      for (const name of referenced) expect(existing, `${env}: ${name}`).toContain(name);
      // Every alarm that notifies is on the dashboard's alarm status.
      const notifying = plan.environments
        .find((e) => e.name === env)!
        .stacks.flatMap((s) => [
          ...ofType(s.name, 'AWS::CloudWatch::Alarm'),
          ...ofType(s.name, 'AWS::CloudWatch::CompositeAlarm'),
        ])
        .filter(([, r]) => notifies(r))
        .map(([, r]) => r.Properties?.['AlarmName'] as string);
      for (const name of notifying) expect(referenced, `${env}: ${name}`).toContain(name);
    }
  });

  it('plans with no open error finding', () => {
    const errors = allFindings(plan).filter((f) => f.level === 'error' && !f.acknowledged);
    expect(errors.map((f) => `${f.rule} ${f.resource}`)).toEqual([]);
  });

  it(
    'lints clean',
    () => {
      const files = plan.environments.flatMap((e) =>
        e.stacks
          .filter((s) => s.name.endsWith('-monitoring') || s.name.endsWith('-api'))
          .map((s) => s.template),
      );
      expect(lintTemplates(files).errors).toEqual([]);
    },
    LINT_ALL_TIMEOUT_MS,
  );
});
