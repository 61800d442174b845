import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { runPlan } from '../../src/plan/run-plan.js';
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
