import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlan } from '../../src/cli/render/plan.js';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import type { AppModel } from '../../src/model/types.js';
import { hasUnacknowledgedErrors } from '../../src/plan/findings.js';
import { runPlan } from '../../src/plan/run-plan.js';
import { renderPlanMarkdown } from '../../src/workflows/plan-markdown.js';
import { devFloorModel } from '../fixtures/models.js';

/** The floor model, moved with its CI account to `region`. */
function floorIn(region: string): AppModel {
  const base = devFloorModel();
  const env = base.environments[0]!;
  return {
    ...base,
    ci: {
      ...base.ci,
      region,
      deployRoles: base.ci.deployRoles.map((role) => ({ ...role, region })),
    },
    environments: [{ ...env, region, availabilityZones: [`${region}a`, `${region}b`] }],
  };
}

const outdir = () => mkdtempSync(path.join(tmpdir(), 'slipway-regional-plan-'));

describe.each(['eu-west-1', 'eu-central-1', 'us-west-2'])('a plan in %s', (region) => {
  it('prices every environment and the shared stacks', () => {
    const plan = runPlan(floorIn(region), { outdir: outdir(), checks: false });
    for (const env of plan.environments) {
      expect(env.region).toBe(region);
      expect(env.monthlyCostUsd, env.name).toBeGreaterThan(20);
    }
    expect(plan.shared.monthlyCostUsd).toBeGreaterThan(0);
  });
});

describe('a plan whose region has no price table', () => {
  // The bundle covers every region the config accepts, so the seam removes one instead.
  const { 'eu-west-1': _removed, ...withoutIreland } = PRICE_TABLES;
  const plan = runPlan(floorIn('eu-west-1'), { outdir: outdir(), priceTables: withoutIreland });
  const env = plan.environments[0]!;

  it('prices the environment and the shared stacks as "not priced", with the reason', () => {
    expect(env.monthlyCostUsd).toBeNull();
    expect(env.costItems).toEqual([]);
    expect(env.unpriced).toEqual([
      { reason: expect.stringContaining('no bundled prices for region "eu-west-1"') },
    ]);
    expect(plan.shared.monthlyCostUsd).toBeNull();
  });

  it('leaves the findings, and so the exit code, as they are', () => {
    const priced = runPlan(floorIn('eu-west-1'), { outdir: outdir() });
    expect(env.findings).toEqual(priced.environments[0]!.findings);
    expect(hasUnacknowledgedErrors(plan)).toBe(hasUnacknowledgedErrors(priced));
  });

  it('says "not priced" and why in the plan text and the pull-request summary', () => {
    expect(renderPlan(plan, 'out')).toMatch(
      /dev {2}eu-west-1 {2}not priced: no bundled prices for region "eu-west-1"/,
    );
    const markdown = renderPlanMarkdown(plan);
    expect(markdown).toContain('| dev | eu-west-1 | 4 | not priced |');
    expect(markdown).toMatch(/\*\*dev is not priced:\*\* no bundled prices for region "eu-west-1"/);
  });
});

describe('an environment priced with unverified figures', () => {
  it('is marked approximate with the count, in the plan text and the pull-request summary', () => {
    const plan = runPlan(floorIn('eu-central-1'), { outdir: outdir(), checks: false });
    const env = plan.environments[0]!;
    // Frankfurt has a source for Fargate x86 only: the database, NAT, logs… are derived.
    expect(env.unverifiedFigures).toBeGreaterThan(3);
    expect(renderPlan(plan, 'out')).toContain(
      `dev  eu-central-1  ≈ $${env.monthlyCostUsd!.toFixed(2)} / month (${env.unverifiedFigures} figures unverified)`,
    );
    expect(renderPlanMarkdown(plan)).toContain(
      `| ≈ $${env.monthlyCostUsd!.toFixed(2)} (${env.unverifiedFigures} unverified) |`,
    );
  });
});
