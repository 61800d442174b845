import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runControlTower } from '../../../src/checks/control-tower/run-control-tower.js';
import { controlTowerRulesDir } from '../../../src/checks/control-tower/run-guard.js';
import { resourceTypes, selectRules } from '../../../src/checks/control-tower/select-rules.js';
import { loadConfig } from '../../../src/config/load.js';
import { runPlan } from '../../../src/plan/run-plan.js';
import type { SynthesizedStack } from '../../../src/template/types.js';

const root = path.resolve(import.meta.dirname, '../../../../..');

/** The megadolls templates as the plan writes them. */
async function megadollsStacks(): Promise<SynthesizedStack[]> {
  const model = await loadConfig(path.join(root, 'examples/megadolls/slipway.config.ts'));
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-control-tower-rules-'));
  runPlan(model, { outdir, checks: false, cost: false });
  return readdirSync(outdir)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => {
      const templatePath = path.join(outdir, file);
      const template = JSON.parse(readFileSync(templatePath, 'utf8')) as SynthesizedStack['template'];
      return { name: file.replace('.template.json', ''), templatePath, template };
    });
}

describe('selectRules', () => {
  let stacks: SynthesizedStack[];
  beforeAll(async () => {
    stacks = await megadollsStacks();
  });

  it('keeps only the rule files naming a type the plan creates', () => {
    const all = selectRules(controlTowerRulesDir(), new Set(['AWS::No::Such']));
    const logs = selectRules(controlTowerRulesDir(), new Set(['AWS::Logs::LogGroup']));
    expect(logs.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['ct-cloudwatch-pr-2.guard', 'ct-cloudwatch-pr-3.guard']),
    );
    expect(logs.some((file) => file.includes(`${path.sep}s3${path.sep}`))).toBe(false);
    expect(all).toEqual([]);
  });

  it("finds on the example's templates exactly what the whole rules folder finds", () => {
    const pathOf = () => undefined;
    const selected = runControlTower(stacks, pathOf);
    const whole = runControlTower(stacks, pathOf, { rules: [controlTowerRulesDir()] });
    expect(selected.length).toBeGreaterThan(0);
    expect(selected).toEqual(whole);
    expect(selectRules(controlTowerRulesDir(), resourceTypes(stacks)).length).toBeLessThan(150);
  });
});
