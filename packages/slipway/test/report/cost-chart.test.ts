import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { formatMonthly } from '../../src/cost/format.js';
import type { AppModel } from '../../src/model/types.js';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { costChartSvg, costRows, SHARED_SCOPE, usageAssumptions } from '../../src/report/cost-chart.js';
import { plansOnce } from '../support/plans-once.js';

const megadolls = await loadConfig(
  fileURLToPath(new URL('../../../../examples/megadolls/slipway.config.ts', import.meta.url)),
);
const planned = plansOnce((model: AppModel) => model, { checks: false });

/** `&`, `<` and `>` are escaped in SVG text; `≈` and `$` are not. */
const inSvg = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('cost chart of examples/megadolls', () => {
  const plan = () => planned(megadolls);

  it('has rows per environment that sum, in order, to its monthly cost exactly', () => {
    const rows = costRows(plan());
    expect(plan().environments).toHaveLength(2);
    for (const env of plan().environments) {
      const own = rows.filter((row) => row.scope === env.name);
      expect(own.length).toBeGreaterThan(1);
      expect(own.reduce((sum, row) => sum + row.usd, 0)).toBe(env.monthlyCostUsd);
      expect(new Set(own.map((row) => row.category)).size).toBe(own.length);
    }
    const shared = rows.filter((row) => row.scope === SHARED_SCOPE);
    expect(shared.reduce((sum, row) => sum + row.usd, 0)).toBe(plan().shared.monthlyCostUsd);
  });

  it('names each category by the cost items’ driver', () => {
    const categories = new Set(costRows(plan()).map((row) => row.category));
    expect(categories).toContain('Public IPv4');
    expect(categories).toContain('CloudWatch Logs');
    expect(categories).toContain('Fargate');
  });

  it('draws each environment with its formatted total, the same SVG every time', async () => {
    const svg = await costChartSvg(plan());
    expect(svg.startsWith('<svg')).toBe(true);
    for (const env of plan().environments) {
      expect(svg).toContain(`>${env.name}<`);
      expect(svg).toContain(inSvg(formatMonthly(env.monthlyCostUsd, env.unverifiedFigures)));
    }
    expect(await costChartSvg(plan())).toBe(svg);
  });

  it('marks an environment without a price table instead of drawing its bar', async () => {
    const [first, second] = plan().environments;
    const unpriced: PlanOutcome = {
      ...plan(),
      environments: [
        first!,
        {
          ...second!,
          region: 'xx-nowhere-1',
          monthlyCostUsd: null,
          costItems: [],
          unpriced: [{ reason: 'no bundled price table for xx-nowhere-1' }],
          unverifiedFigures: 0,
        },
      ],
    };
    expect(costRows(unpriced).some((row) => row.scope === second!.name)).toBe(false);
    const svg = await costChartSvg(unpriced);
    expect(svg).toContain(`>${second!.name}<`);
    expect(svg).toContain('not priced: no bundled price table for xx-nowhere-1');
  });
});

describe('usage assumptions of examples/megadolls', () => {
  it('lists each figure once where the environments agree, and only those their items use', () => {
    const rows = usageAssumptions(megadolls, planned(megadolls));
    const names = rows.map((row) => row.name);
    expect(names[0]).toBe('hoursPerMonth');
    expect(names).toContain('natGbPerMonth');
    expect(names.some((name) => name.startsWith('tableGbPerTable'))).toBe(false);
    expect(new Set(names).size).toBe(names.length);
  });

  it('splits a figure the environments set differently, one row per environment', () => {
    const [dev, prod] = megadolls.environments;
    const model: AppModel = {
      ...megadolls,
      environments: [dev!, { ...prod!, usage: { ...prod!.usage, natGbPerMonth: 50 } }],
    };
    const rows = usageAssumptions(model);
    expect(rows.find((row) => row.name === `natGbPerMonth (${prod!.name})`)?.value).toBe(50);
    expect(rows.find((row) => row.name === `natGbPerMonth (${dev!.name})`)?.value).toBe(
      dev!.usage.natGbPerMonth,
    );
    expect(usageAssumptions(undefined)).toEqual([]);
  });
});
