import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import type { AppModel } from '../../../src/model/types.js';
import { allFindings, runPlan } from '../../../src/plan/run-plan.js';

const root = path.resolve(import.meta.dirname, '../../../../..');
const isControl = (rule: string) => rule.startsWith('CT.');

function plan(model: AppModel) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-control-tower-plan-'));
  return allFindings(runPlan(model, { outdir, cost: false }));
}

describe('checks.controlTower on examples/medications', () => {
  let model: AppModel;
  beforeAll(async () => {
    model = await loadConfig(path.join(root, 'examples/medications/slipway.config.ts'));
  });

  it('is off by default: the plan has no Control Tower findings', () => {
    expect(model.checks).toEqual({ controlTower: false });
    expect(plan(model).filter((f) => isControl(f.rule))).toEqual([]);
  });

  it('when on, reports the failing controls in the plan, per stack and logical id', () => {
    const findings = plan({ ...model, checks: { controlTower: true } }).filter((f) => isControl(f.rule));
    // Dev runs its database in one zone by design, so this control fails there and stays reported
    // (acknowledged or not) whatever the other gaps become.
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'CT.RDS.PR.1',
        level: 'error',
        stack: 'medications-dev-data',
        resource: 'DatabaseMainInstance',
        message: expect.stringContaining('rds_instance_multi_az_support_check'),
      }),
    );
    expect(findings.every((f) => f.resource !== '' && f.message.includes('('))).toBe(true);
  });
});
