import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import type { AppModel } from '../../../src/model/types.js';
import { allFindings } from '../../../src/plan/findings.js';
import { runPlan } from '../../../src/plan/run-plan.js';

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

  it('is on by default and reports the controls in the plan, per stack and logical id', () => {
    expect(model.checks).toEqual({ controlTower: true });
    const findings = plan(model).filter((f) => isControl(f.rule));
    // Dev runs its database in one zone by design, so this control fails there and stays reported,
    // acknowledged with its reason.
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'CT.RDS.PR.1',
        level: 'error',
        stack: 'medications-dev-data',
        resource: 'DatabaseMainInstance',
        acknowledged: true,
        message: expect.stringContaining('rds_instance_multi_az_support_check'),
      }),
    );
    expect(findings.every((f) => f.resource !== '' && f.message.includes('('))).toBe(true);
  });

  it('when off, leaves the controls and their acknowledgements out of the plan', () => {
    const findings = plan({ ...model, checks: { controlTower: false } });
    expect(findings.filter((f) => isControl(f.rule))).toEqual([]);
    expect(findings.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
  });

  describe('on a platform cfn-guard does not ship for', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    afterEach(() => {
      if (platform) Object.defineProperty(process, 'platform', platform);
    });

    it('warns that the controls did not run, instead of failing the plan', () => {
      Object.defineProperty(process, 'platform', { value: 'win32' });
      const config = {
        ...model,
        acknowledgements: [
          ...model.acknowledgements,
          { rule: 'CT.RDS.PR.2', stack: 'medications-prod-data', reason: 'A team decision, recorded.' },
        ],
      };
      const findings = plan(config);
      expect(findings.filter((f) => isControl(f.rule))).toEqual([]);
      // Neither the built-in acknowledgements nor the config's read as stale.
      expect(findings.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
      expect(findings.filter((f) => f.rule === 'Slipway-CT1')).toEqual([
        expect.objectContaining({
          level: 'warning',
          stack: 'medications-ci',
          message: expect.stringMatching(/did not run: .*not for win32.*checks\.controlTower to false/),
        }),
      ]);
    });
  });
});
