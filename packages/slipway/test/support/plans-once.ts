import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { type PlanOptions, type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';

/**
 * Plans each model of a test file once, on first use, and removes the templates when the file is
 * done. Describe blocks share the plans with a last test that lints every template in one cfn-lint
 * run, since cfn-lint takes seconds to start. Call it at the top level of a test file; `options`
 * may differ by key.
 */
export function plansOnce<K>(
  modelOf: (key: K) => AppModel,
  options: Omit<PlanOptions, 'outdir'> | ((key: K) => Omit<PlanOptions, 'outdir'>) = {},
): (key: K) => PlanOutcome {
  const plans = new Map<K, PlanOutcome>();
  const outdirs: string[] = [];
  afterAll(() => {
    for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
  });
  return (key) => {
    let plan = plans.get(key);
    if (plan === undefined) {
      const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-plan-'));
      outdirs.push(outdir);
      const chosen = typeof options === 'function' ? options(key) : options;
      plan = runPlan(modelOf(key), { ...chosen, outdir });
      plans.set(key, plan);
    }
    return plan;
  };
}

/** Every template of a plan: the shared stacks' and each environment's. */
export function templateFiles(plan: PlanOutcome): string[] {
  return [
    ...plan.shared.stacks.map((s) => s.template),
    ...plan.environments.flatMap((e) => e.stacks.map((s) => s.template)),
  ];
}
