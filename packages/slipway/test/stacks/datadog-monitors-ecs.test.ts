import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATADOG_MONITOR_TYPE } from '../../src/config/data/datadog-monitor-type.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import type { CfnTemplate } from '../../src/template/types.js';
import { plannedStacks } from '../support/planned-stacks.js';

function readTemplate(file: string): CfnTemplate {
  return JSON.parse(readFileSync(file, 'utf8')) as CfnTemplate;
}

/**
 * A public `api` and an internal `worker` on Datadog: dev on the EU site without notify, prod
 * paging the on-call handle. Both environments hold the application key, so both get monitors.
 */
export function datadogConfig(): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    secrets: {
      ddApiKey: { ssm: '/shop/datadog-api-key' },
      ddAppKey: { secretsManager: 'shop/datadog-app-key' },
    },
    services: {
      api: { port: 8080, memory: 1024 },
      worker: { port: 9000, public: false, memory: 1024 },
    },
    observability: {
      provider: 'datadog',
      datadog: { site: 'datadoghq.eu', apiKeySecret: 'ddApiKey', appKeySecret: 'ddAppKey' },
    },
    acknowledgements: [
      { rule: 'Slipway-ELB5', stack: 'shop-prod-runtime', reason: 'A test app with no domain of its own.' },
    ],
    environments: {
      dev: {
        account: '111111111111',
        region: 'eu-west-1',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      },
      prod: {
        production: true,
        account: '222222222222',
        region: 'eu-west-1',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        observability: {
          alerts: { email: ['oncall@example.com'] },
          datadog: { notify: ['@pagerduty-shop', '@slack-shop-alerts'] },
        },
      },
    },
  };
}

interface Monitor {
  Name: string;
  Type: string;
  Query: string;
  Message: string;
  Priority: number;
  Tags: string[];
  Options: Record<string, unknown> & { Thresholds: { Critical: number } };
}

describe('Datadog monitors of ECS services', () => {
  let plan: PlanOutcome;
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-datadog-monitors-'));
    plan = runPlan(resolveConfig(datadogConfig()), { outdir });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const { ofType } = plannedStacks(() => plan);
  const monitors = (stack: string) =>
    ofType(stack, DATADOG_MONITOR_TYPE).map(([, r]) => r.Properties as unknown as Monitor);
  const named = (stack: string, name: string) => {
    const found = monitors(stack).find((m) => m.Name === name);
    if (!found)
      throw new Error(
        `no monitor '${name}' in ${monitors(stack)
          .map((m) => m.Name)
          .join(', ')}`,
      );
    return found;
  };

  it('gives each service its task and log monitors, and a public service with traces its answer monitors, named as on EKS', () => {
    // Dev traces nothing by default: no trace metric to read, so no monitor on one.
    expect(
      monitors('shop-dev-monitoring')
        .map((m) => m.Name)
        .sort(),
    ).toEqual([
      '[shop dev] api: error logs',
      '[shop dev] api: no running tasks',
      '[shop dev] worker: error logs',
      '[shop dev] worker: no running tasks',
    ]);
    // Production traces: the public api is also watched on its 5xx share and p99; the internal worker is not.
    expect(
      monitors('shop-prod-monitoring')
        .map((m) => m.Name)
        .sort(),
    ).toEqual([
      '[shop prod] api: error logs',
      '[shop prod] api: no running tasks',
      '[shop prod] api: server errors',
      '[shop prod] api: slow answers',
      '[shop prod] worker: error logs',
      '[shop prod] worker: no running tasks',
    ]);
    for (const stack of ['shop-dev-api', 'shop-dev-runtime', 'shop-dev-network']) {
      expect(ofType(stack, DATADOG_MONITOR_TYPE)).toEqual([]);
    }
  });

  it("scopes every query to the environment's and the service's unified tags", () => {
    const tasks = named('shop-dev-monitoring', '[shop dev] api: no running tasks');
    expect(tasks.Type).toBe('query alert');
    expect(tasks.Query).toBe(
      'max(last_10m):count_not_null(max:ecs.fargate.mem.usage{env:dev,service:api} by {task_arn}) < 1',
    );
    // The metric stops with the last task: silence is the alert.
    expect(tasks.Options).toMatchObject({
      NotifyNoData: true,
      NoDataTimeframe: 10,
      Thresholds: { Critical: 1 },
    });

    const errors = named('shop-prod-monitoring', '[shop prod] api: server errors');
    expect(errors.Query).toBe(
      'sum(last_10m):sum:trace.http.server.request.errors{env:prod,service:api}.as_count() / ' +
        'sum:trace.http.server.request.hits{env:prod,service:api}.as_count() > 0.05',
    );
    expect(errors.Options.Thresholds.Critical).toBe(0.05);
    const slow = named('shop-prod-monitoring', '[shop prod] api: slow answers');
    expect(slow.Query).toBe('percentile(last_10m):p99:trace.http.server.request{env:prod,service:api} > 2');

    const logs = named('shop-dev-monitoring', '[shop dev] api: error logs');
    expect(logs.Type).toBe('log alert');
    expect(logs.Query).toBe(
      'logs("env:dev service:api status:error").index("*").rollup("count").last("5m") > 20',
    );
    expect(logs.Options).toMatchObject({ EnableLogsSample: true });
    for (const monitor of monitors('shop-dev-monitoring')) {
      // The type lowercases a query when it compares it with Datadog's: a capital would show as drift.
      expect(monitor.Query).toBe(monitor.Query.toLowerCase());
      expect(monitor.Tags).toContain('env:dev');
      expect(monitor.Tags).toContain('managed-by:slipway');
    }
  });

  it('pages production by priority with its handles; other environments are P4 and notify no one', () => {
    const prod = named('shop-prod-monitoring', '[shop prod] api: no running tasks');
    expect(prod.Priority).toBe(1);
    expect(prod.Message).toContain('@pagerduty-shop @slack-shop-alerts');
    expect(prod.Message).toContain('{{#is_no_data}}');
    expect(prod.Options).toMatchObject({ RenotifyInterval: 60 });
    expect(named('shop-prod-monitoring', '[shop prod] api: server errors').Priority).toBe(2);
    expect(named('shop-prod-monitoring', '[shop prod] api: slow answers').Priority).toBe(3);
    expect(named('shop-prod-monitoring', '[shop prod] api: error logs').Priority).toBe(3);

    const dev = named('shop-dev-monitoring', '[shop dev] api: no running tasks');
    expect(dev.Priority).toBe(4);
    expect(dev.Message).not.toContain('@');
    expect(dev.Options['RenotifyInterval']).toBeUndefined();
  });

  it("lets each environment's deploy role activate and configure the type, in its region only", () => {
    const ci = plan.shared.stacks.find((st) => st.name === 'shop-ci');
    const policies = Object.values(readTemplate(ci!.template).Resources ?? {}).filter(
      (r) => r.Type === 'AWS::IAM::Policy',
    );
    const statements = policies.flatMap(
      (p) =>
        (
          p.Properties?.['PolicyDocument'] as {
            Statement: { Sid?: string; Action: unknown; Condition?: unknown }[];
          }
        ).Statement,
    );
    const granted = statements.filter((st) => st.Sid === 'ActivateDatadogMonitorType');
    expect(granted).toHaveLength(2);
    for (const statement of granted) {
      expect([...(statement.Action as string[])].sort()).toEqual([
        'cloudformation:ActivateType',
        'cloudformation:DescribeType',
        'cloudformation:SetTypeConfiguration',
      ]);
      expect(statement.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } });
    }
  });

  it('makes none without an application key', () => {
    const config = datadogConfig();
    config.observability = {
      provider: 'datadog',
      datadog: { site: 'datadoghq.eu', apiKeySecret: 'ddApiKey' },
    };
    delete config.environments['prod']!.observability!.datadog;
    const model = resolveConfig(config);
    const dir = mkdtempSync(path.join(tmpdir(), 'slipway-datadog-none-'));
    try {
      const none = runPlan(model, { outdir: dir });
      const types = none.environments
        .flatMap((e) => e.stacks)
        .flatMap((s) => Object.values(readTemplate(s.template).Resources ?? {}).map((r) => r.Type));
      expect(types.length).toBeGreaterThan(0);
      expect(types).not.toContain(DATADOG_MONITOR_TYPE);
      const ci = none.shared.stacks.find((st) => st.name === 'shop-ci');
      expect(readFileSync(ci!.template, 'utf8')).not.toContain('cloudformation:ActivateType');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plans with no open error and prices the monitors at nothing', () => {
    expect(allFindings(plan).filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
    for (const env of plan.environments) {
      expect(env.unpriced.map((u) => u.type)).not.toContain(DATADOG_MONITOR_TYPE);
    }
  });

  it(
    "passes cfn-lint, which checks the monitors against Datadog's published schema",
    () => {
      const templates = plan.environments.flatMap((e) => e.stacks).map((s) => s.template);
      const result = lintTemplates(templates, { regions: ['eu-west-1'] });
      expect(result.errors).toEqual([]);

      // The schema is applied, not only loaded: a monitor it forbids is an error.
      const broken = readTemplate(templates.find((t) => t.endsWith('shop-dev-monitoring.template.json'))!);
      const [, monitor] = Object.entries(broken.Resources ?? {}).find(
        ([, r]) => r.Type === DATADOG_MONITOR_TYPE,
      )!;
      Object.assign(monitor.Properties!, {
        Type: 'metric-alert',
        Options: { Thresholds: { Critical: 'high' } },
      });
      const file = path.join(outdir, 'broken-monitor.template.json');
      writeFileSync(file, JSON.stringify(broken));
      const errors = lintTemplates([file], { regions: ['eu-west-1'] }).errors.join('\n');
      expect(errors).toContain("E3030 'metric-alert' is not one of");
      expect(errors).toContain("E3012 'high' is not of type 'number'");
    },
    LINT_ALL_TIMEOUT_MS,
  );
});
