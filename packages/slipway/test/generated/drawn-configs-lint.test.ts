import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { runPlan } from '../../src/plan/run-plan.js';
import { lintAssemblies } from '../support/cfn-lint.js';
import { validConfig } from './config-arbitraries.js';
import { drawSettings, wide } from './draw-settings.js';
import { unitDraws } from './drawn-runs.js';
import { acceptedRegions } from './region-choices.js';

/**
 * Drawn configs, every template through AWS's cfn-lint in one run: in the unit run a fixed pick
 * that exercises every drawn feature, under test:wide sixty random draws.
 */
describe('cfn-lint over drawn configs', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'slipway-drawn-lint-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds no errors in any template', () => {
    const configs = wide
      ? fc.sample(validConfig({ regions: acceptedRegions() }), {
          seed: drawSettings(60).seed,
          numRuns: 60,
        })
      : unitDraws({ count: 10, wideRuns: 60 });
    const outdirs = configs.map((config, index) => {
      const outdir = path.join(root, String(index));
      runPlan(resolveConfig(config), { outdir, checks: false, cost: false });
      return outdir;
    });
    const result = lintAssemblies(outdirs);
    expect(result.templates).toBeGreaterThanOrEqual(configs.length * 2);
    if (result.warnings.size > 0) {
      console.info(
        `cfn-lint warnings (not failures): ${[...result.warnings].map(([id, n]) => `${id} ×${n}`).join(', ')}`,
      );
    }
    expect(result.errors).toEqual([]);
    expect(result.status & 2, 'cfn-lint exit code has the error bit').toBe(0);
  }, 900_000);
});
