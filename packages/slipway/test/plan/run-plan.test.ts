import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { allFindings, hasUnacknowledgedErrors } from '../../src/plan/findings.js';
import { runPlan, UnknownEnvironmentError } from '../../src/plan/run-plan.js';
import { defaultIngressOf, devFloorModel } from '../fixtures/models.js';

/** The floor model promoted to production, but with its database left unprotected. */
function unprotectedProduction(): AppModel {
  const base = devFloorModel();
  const env = base.environments[0]!;
  return {
    ...base,
    environments: [
      {
        ...env,
        production: true,
        services: env.services.map((s) => ({ ...s, desiredCount: 2, minCount: 2, maxCount: 4 })),
        databases: env.databases.map((d) => ({ ...d, deletionProtection: false })),
      },
    ],
  };
}

/** The floor model with the ingress its config would get by default (the fixture sets the load balancer). */
function onDefaultIngress(): AppModel {
  const base = devFloorModel();
  return { ...base, environments: base.environments.map((env) => ({ ...env, ...defaultIngressOf(env) })) };
}

const outdir = () => mkdtempSync(path.join(tmpdir(), 'slipway-plan-'));

describe('runPlan', () => {
  it('reports an unprotected production database as an open error, which fails the plan', () => {
    const plan = runPlan(unprotectedProduction(), { outdir: outdir(), cost: false });
    const open = allFindings(plan).filter((f) => f.level === 'error' && !f.acknowledged);
    expect(open.map((f) => f.rule)).toContain('AwsSolutions-RDS10');
    expect(hasUnacknowledgedErrors(plan)).toBe(true);
  });

  it('keeps an acknowledged finding in the plan, with its reason, and no longer fails', () => {
    const model = unprotectedProduction();
    const open = allFindings(runPlan(model, { outdir: outdir(), cost: false })).filter(
      (f) => f.level === 'error' && !f.acknowledged,
    );
    const reason = 'Reviewed: this database is rebuilt from fixtures every night.';
    const acknowledged: AppModel = {
      ...model,
      acknowledgements: open.map((f) => ({ rule: f.rule, stack: f.stack, resource: f.resource, reason })),
    };
    const plan = runPlan(acknowledged, { outdir: outdir(), cost: false });
    expect(hasUnacknowledgedErrors(plan)).toBe(false);
    const rds10 = allFindings(plan).find((f) => f.rule === 'AwsSolutions-RDS10');
    expect(rds10).toMatchObject({ acknowledged: true, reason });
  });

  it('plans only the environments asked for, and always the shared CI stack', () => {
    const plan = runPlan(onDefaultIngress(), { outdir: outdir(), environments: ['dev'], checks: false });
    expect(plan.environments.map((e) => e.name)).toEqual(['dev']);
    expect(plan.shared.stacks.map((s) => s.name)).toEqual(['floor-ci']);
    expect(plan.environments[0]!.monthlyCostUsd).toBeGreaterThan(0);
    // The ingress and why, as `plan --json` writes it: dev's default, as nothing needs the load balancer.
    expect(JSON.parse(JSON.stringify(plan.environments[0]!.ingress))).toEqual({
      kind: 'http-api',
      set: false,
      reason: 'The HTTP API, the default outside production: nothing here needs the load balancer.',
      needsLoadBalancer: [],
    });
  });

  it('names the environments a config has when asked for one it lacks', () => {
    expect(() => runPlan(devFloorModel(), { outdir: outdir(), environments: ['qa'] })).toThrow(
      UnknownEnvironmentError,
    );
    expect(() => runPlan(devFloorModel(), { outdir: outdir(), environments: ['qa'] })).toThrow(
      /use one of dev/,
    );
  });
});
