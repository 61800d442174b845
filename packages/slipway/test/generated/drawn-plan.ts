import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { allFindings } from '../../src/plan/findings.js';
import { runPlan } from '../../src/plan/run-plan.js';
import { environmentDiagram } from '../../src/report/diagram/from-templates.js';
import { fromPlan } from '../../src/report/read-plan.js';
import { diagramProblems } from '../support/diagram-coverage.js';
import { type DrawnRun, forDrawnConfigs } from './drawn-runs.js';

/** Priced by volume the usage model does not carry, so listed as unpriced by design. */
const USAGE_ONLY_TYPES = new Set(['AWS::S3::Bucket']);

/**
 * The property every drawn config must hold: it plans with zero unacknowledged error findings,
 * prices every environment and the shared stacks, and draws every environment whole. The run's `part` picks which share of the draws
 * this file takes, so the property can be spread over test files that run side by side.
 */
export function assertDrawnConfigsPlanClean(run: DrawnRun): void {
  forDrawnConfigs(run, (config) => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-drawn-'));
    try {
      const plan = runPlan(resolveConfig(config), { outdir });
      const open = allFindings(plan).filter((f) => f.level === 'error' && !f.acknowledged);
      expect(open.map((f) => `${f.stack} ${f.resource}: ${f.rule}`)).toEqual([]);
      for (const env of plan.environments) {
        const where = `${env.name} (${env.region})`;
        const missing = env.unpriced.filter((item) => !USAGE_ONLY_TYPES.has(item.type ?? ''));
        expect(missing, `what ${where} leaves unpriced`).toEqual([]);
        expect(env.monthlyCostUsd, `monthly cost of ${where}`).toBeGreaterThan(0);
        // The report draws what the templates create, whatever the config: every service,
        // database, cache, load balancer, cluster, table, distribution and function, once.
        const stacks = fromPlan(plan).stacksOf(env.name);
        const diagram = environmentDiagram({ name: env.name, region: env.region, stacks });
        expect(diagramProblems(diagram, stacks), `the diagram of ${where}`).toEqual([]);
      }
      expect(plan.shared.monthlyCostUsd).toBeGreaterThan(0);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
}
