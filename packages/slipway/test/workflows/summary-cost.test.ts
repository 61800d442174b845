import { describe, expect, it } from 'vitest';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { costAlertLines, costChangeTable, scopeCosts } from '../../src/workflows/summary/cost-change.js';

/** A plan with only what the cost comparison reads: the CI cost and each environment's. */
function plan(shared: number | null, environments: Record<string, number | null>): PlanOutcome {
  return {
    app: 'shop',
    shared: {
      stacks: [],
      findings: [],
      costItems: [],
      monthlyCostUsd: shared,
      unpriced: [],
      unverifiedFigures: 0,
    },
    environments: Object.entries(environments).map(([name, cost]) => ({
      name,
      region: 'eu-west-1',
      production: false,
      stacks: [],
      monthlyCostUsd: cost,
      costItems: [],
      unpriced: [],
      unverifiedFigures: 0,
      findings: [],
    })),
  };
}

const ALERT = { monthlyUsd: 50, percent: 10 };

describe('the cost against the base plan', () => {
  it('marks new and removed environments and signs each change', () => {
    const table = costChangeTable(scopeCosts(plan(1, { dev: 100, old: 20 }), plan(1, { dev: 90, qa: 30 })));
    expect(table).toContain('| shared (CI) | $1.00 | $1.00 | ±$0.00 +0.0 % |');
    expect(table).toContain('| dev | $100.00 | $90.00 | -$10.00 -10.0 % |');
    expect(table).toContain('| qa | — | $30.00 | 🆕 new environment |');
    expect(table).toContain('| old | $20.00 | — | 🗑️ removed environment |');
    expect(table).toContain('| **total** | $121.00 | $121.00 | ±$0.00 +0.0 % |');
  });

  it('alerts on either threshold, and not below both', () => {
    // +$60 on $1,000: the dollars reach the threshold, the percentage does not.
    expect(costAlertLines(scopeCosts(plan(0, { dev: 1000 }), plan(0, { dev: 1060 })), ALERT)[1]).toMatch(
      /Cost alert: \+\$60\.00 a month \(\+6\.0 %\)/,
    );
    // +$15 on $100: the percentage reaches it.
    expect(costAlertLines(scopeCosts(plan(0, { dev: 100 }), plan(0, { dev: 115 })), ALERT)).toHaveLength(4);
    expect(costAlertLines(scopeCosts(plan(0, { dev: 100 }), plan(0, { dev: 105 })), ALERT)).toEqual([]);
    expect(costAlertLines(scopeCosts(plan(0, { dev: 100 }), plan(0, { dev: 500 })), false)).toEqual([]);
  });

  it('leaves a scope one plan could not price out of the totals', () => {
    const scopes = scopeCosts(plan(0, { dev: 100, far: null }), plan(0, { dev: 100, far: 900 }));
    expect(costAlertLines(scopes, ALERT)).toEqual([]);
    expect(costChangeTable(scopes)).toContain('| far | not priced | $900.00 | not priced |');
  });
});
