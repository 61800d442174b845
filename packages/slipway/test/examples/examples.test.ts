import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { alertsReachSomeone, observabilityOf } from '../../src/model/observability.js';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { runCli } from '../cli/run-cli.js';
import { cfnLintCommand } from '../support/cfn-lint.js';
import {
  alarmsThatMustReachSomeone,
  routedAlarmNames,
  servicesWithCanaries,
  templateAlarms,
} from './watched-production.js';

const root = path.resolve(import.meta.dirname, '../../../..');

/**
 * Monthly totals COSTS.md's model gives for each seed design. Our estimate may come out cheaper
 * (the examples use the cheaper levers: ARM, Spot, fewer NAT gateways) but never above the model
 * by more than a rounding margin.
 */
/**
 * What watching an ECS environment adds to a seed's model (docs/observability.md, at the estimator's
 * figures for the example's region): the dashboard ($3), per service a "down" composite ($0.50),
 * its error-lines metric ($0.30) and its alarms ($0.10 each); in dev standard Container Insights
 * (8 cluster and 11 service metrics at $0.30), in production the alarms at level 'all' and enhanced
 * Container Insights, billed per observation.
 */
const WATCHING = {
  // One service in us-east-1: dev 19 metrics $5.70 + $3 + $0.50 + $0.30 + $0.10; prod $0.54 of
  // observations + $3 + $0.50 + $0.30 + eleven alarms $1.10.
  medications: { dev: 9.6, prod: 5.44 },
  // Three services in eu-west-1 (6 % over us-east-1): dev 41 metrics $13.04 + $3.18 + $1.59 +
  // $0.95 + $0.32; prod $1.57 of observations + $3.18 + $1.59 + $0.95 + alarms $2.01.
  orders: { dev: 19.08, prod: 9.31 },
  // Two services, dev in us-east-1, prod in af-south-1 (35 % over): dev 30 metrics $9 + $3 + $1 +
  // $0.60 + $0.20; prod $1.37 of observations + $4.05 + $1.35 + $0.81 + alarms $2.43.
  megadolls: { dev: 13.8, prod: 10.01 },
};

const EXAMPLES = [
  // Seed 004's model prices the web service alone; the example adds pgAdmin (0.5 vCPU / 1 GB, one
  // Spot task in dev ≈ $4, two on-demand tasks in af-south-1 ≈ $39).
  {
    name: 'megadolls',
    model: { dev: 112 + 4 + WATCHING.megadolls.dev, prod: 251 + 39 + WATCHING.megadolls.prod },
  },
  // Seed 002's $52 ran one EC2 host with no load balancer and no NAT gateway. Our production adds
  // an ALB with its three addresses (≈ $33), one NAT gateway with its address (≈ $37) and a second
  // task so a deploy or a lost zone keeps serving (≈ $14); dev drops all three and sits at the floor.
  {
    name: 'medications',
    model: { dev: 52 + WATCHING.medications.dev, prod: 52 + 33 + 37 + 14 + WATCHING.medications.prod },
  },
  // Seed 001 on EKS, us-east-1, three zones, by hand: the control plane $73.00 (730 h × $0.10);
  // dev's nodes, one on-demand t4g.medium $24.53 (730 h × $0.0336) and one Spot ≈ $9.81 (× 0.4),
  // with two 20 GB gp3 root volumes $3.20; one NAT gateway with its address $36.73; the ALB the
  // controller makes for the Ingress, $22.27 of hours and LCUs and $10.95 for three public
  // addresses; a db.t4g.micro with 20 GB $14.38; three team secrets $1.20. About $195. Prod: two
  // on-demand t4g.medium system nodes $49.06 and two m7g.large workload nodes $119.14 (730 h ×
  // $0.0816 each), four volumes $6.40, the same control plane, NAT and ALB, and a Multi-AZ
  // database with Performance Insights and enhanced monitoring of about $35. About $355.
  { name: 'goapp', model: { dev: 73 + 24.53 + 9.81 + 3.2 + 36.73 + 22.27 + 10.95 + 14.38 + 1.2, prod: 355 } },
  // Seed 000 on EKS with Karpenter: dev (us-east-1, two zones) is goapp's dev with two public
  // addresses instead of three ($7.30) and a cache.t4g.micro node ($11.68); Karpenter's Spot pool
  // is priced at its one desired t4g.medium. Prod (us-west-2) adds to goapp's prod a db.t4g.small
  // writer, Multi-AZ ($46.72), and its replica ($23.36), and two cache nodes ($23.36): about $420.
  // Seed 003 on Fargate in eu-west-1, by hand at eu-west-1's figures (about 6 % over us-east-1's):
  // dev, the ALB $24.59, internal behind CloudFront so without public addresses; CloudFront's 1 M
  // requests $1.00 and 10 GB out $0.85; three Spot tasks of 0.25 vCPU / 0.5 GB in public subnets,
  // $2.16 each and $3.65 for each task's address; the machine client $6 and 1,000 token requests
  // $2.25, and the copy of its secret the orders service reads from Secrets Manager $0.40 (one
  // secret-month; the few reads at task start round to nothing); two tables at 1 M writes, 1 M
  // reads and 1 GB with backups, $1.27 each; the function's 1 M calls of 200 ms at 256 MB $0.92
  // and its failure queue $0.42; logs, the private namespace, Cloud Map and seven alarms about
  // $2.10. About $58.95. Prod: a NAT gateway $35.06 with its address $3.65, the internal ALB
  // $24.59, six on-demand tasks $43.26, the same CloudFront, client and secret, tables and
  // function, a WAF of $5 with four rules $4 and 1 M requests $0.60, and about $3.20 of logs, DNS
  // and alarms: $133.90.
  { name: 'orders', model: { dev: 58.95 + WATCHING.orders.dev, prod: 133.9 + WATCHING.orders.prod } },
  {
    name: 'parrot',
    model: { dev: 73 + 24.53 + 9.81 + 3.2 + 36.73 + 22.27 + 7.3 + 14.38 + 11.68, prod: 420 },
  },
] as const;

describe.each(EXAMPLES)('examples/$name', ({ name, model }) => {
  const config = path.join(root, 'examples', name, 'slipway.config.ts');
  const out = mkdtempSync(path.join(tmpdir(), `slipway-${name}-`));
  let code = -1;
  let plan: PlanOutcome;

  beforeAll(async () => {
    const run = await runCli('plan', '--config', config, '--out', out, '--json');
    code = run.code;
    plan = JSON.parse(run.stdout) as PlanOutcome;
  });

  it('plans every environment with zero unacknowledged error findings', () => {
    const open = [...plan.shared.findings, ...plan.environments.flatMap((e) => e.findings)].filter(
      (f) => f.level === 'error' && !f.acknowledged,
    );
    expect(open).toEqual([]);
    expect(code).toBe(0);
    expect(plan.environments.map((e) => e.name).sort()).toEqual(Object.keys(model).sort());
  });

  it('gives every acknowledged finding a reason', () => {
    const acknowledged = plan.environments.flatMap((e) => e.findings).filter((f) => f.acknowledged);
    for (const finding of acknowledged)
      expect(finding.reason?.trim().length, finding.rule).toBeGreaterThan(10);
  });

  it('prices each environment at or below the design model in COSTS.md', () => {
    for (const env of plan.environments) {
      const ceiling = model[env.name as keyof typeof model] * 1.1;
      expect(env.monthlyCostUsd, env.name).toBeGreaterThan(20);
      expect(env.monthlyCostUsd, env.name).toBeLessThanOrEqual(ceiling);
      const itemised = env.costItems.reduce((sum, i) => sum + i.usd, 0);
      expect(itemised).toBeCloseTo(env.monthlyCostUsd ?? Number.NaN, 6);
    }
  });

  it("routes production's alarms to a person for every public service, database, cache, function and queue, with a dashboard and its canaries", async () => {
    const model = await loadConfig(config);
    const prod = model.environments.find((e) => e.production);
    const planned = plan.environments.find((e) => e.name === prod?.name);
    if (prod === undefined || planned === undefined) throw new Error(`${name} has no planned production`);
    expect(alertsReachSomeone(observabilityOf(prod).alerts)).toBe(true);
    const templates = planned.stacks.map((s) => JSON.parse(readFileSync(s.template, 'utf8')) as Template);
    const routed = routedAlarmNames(templates.flatMap(templateAlarms));
    const mustReach = alarmsThatMustReachSomeone(model.app, prod);
    expect(mustReach.length).toBeGreaterThan(0);
    expect(mustReach.filter((alarm) => !routed.has(alarm))).toEqual([]);
    const resources = templates.flatMap((t) => Object.values(t.Resources ?? {}));
    expect(resources.filter((r) => r.Type === 'AWS::CloudWatch::Dashboard')).toHaveLength(1);
    expect(resources.filter((r) => r.Type === 'AWS::Synthetics::Canary')).toHaveLength(
      servicesWithCanaries(prod).length,
    );
    // On EKS, Datadog monitors watch each public service, and each names who it notifies.
    if (prod.runtime === 'eks') {
      for (const service of prod.services.filter((s) => s.public)) {
        const file = planned.manifests?.find((f) =>
          f.endsWith(path.join('datadog-monitors', `${service.name}.yaml`)),
        );
        expect(file, service.name).toBeDefined();
        const monitors = parseAllDocuments(readFileSync(file ?? '', 'utf8')).map(
          (d) => d.toJS() as { kind: string; spec: { message: string } },
        );
        expect(monitors.length).toBeGreaterThan(0);
        for (const monitor of monitors) {
          expect(monitor.kind).toBe('DatadogMonitor');
          expect(monitor.spec.message).toMatch(/@pagerduty-\S+/);
        }
      }
    }
  });

  it('makes no custom resource: no Lambda function runs behind CloudFormation', () => {
    for (const stack of [...plan.shared.stacks, ...plan.environments.flatMap((e) => e.stacks)]) {
      const template = JSON.parse(readFileSync(stack.template, 'utf8')) as {
        Resources?: Record<string, { Type: string }>;
      };
      const types = Object.values(template.Resources ?? {}).map((r) => r.Type);
      expect(
        types.filter(
          (t) =>
            t.startsWith('Custom::') ||
            t === 'AWS::CloudFormation::CustomResource' ||
            // The app's own functions live in its functions stacks; anywhere else one would be a helper.
            (t === 'AWS::Lambda::Function' && !stack.name.endsWith('-functions')),
        ),
        stack.name,
      ).toEqual([]);
    }
  });

  it('writes templates that pass AWS cfn-lint with zero errors', () => {
    const templates = [...plan.shared.stacks, ...plan.environments.flatMap((e) => e.stacks)].map((s) =>
      path.resolve(s.template),
    );
    expect(templates.length).toBeGreaterThan(4);
    const { status, output } = cfnLint(templates);
    const errors = output.split('\n').filter((line) => /:E\d{4}:/.test(line));
    expect(errors).toEqual([]);
    expect(status & 2).toBe(0);
  });
});

type Template = { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

/** Runs AWS's cfn-lint over the templates. It exits 2 on errors, 4 on warnings, 8 on notes, 0 when clean. */
function cfnLint(templates: readonly string[]): { status: number; output: string } {
  try {
    const lint = cfnLintCommand(['--format', 'parseable', '--', ...templates]);
    const output = execFileSync(lint.command, lint.args, { encoding: 'utf8' });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, output: failed.stdout };
  }
}
