import { describe, expect, it } from 'vitest';
import { ingressAlternative } from '../../src/cost/ingress-alternative.js';
import { formatMonthly } from '../../src/cost/format.js';
import { ingressPlan } from '../../src/plan/ingress-plan.js';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { fromPlan } from '../../src/report/read-plan.js';
import { renderPlanMarkdown } from '../../src/workflows/plan-markdown.js';
import { costAlertLines, costChangeTable, scopeCosts } from '../../src/workflows/summary/cost-change.js';
import { exampleModel } from './fixtures.js';

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

// medications: dev on the HTTP API by default, prod on the load balancer its canary needs.
const model = await exampleModel('medications');

describe('the ingress against the other, under the cost against the base plan', () => {
  const [dev, prod] = model.environments;
  const withIngress = (p: PlanOutcome): PlanOutcome => ({
    ...p,
    environments: p.environments.map((e) => {
      const env = model.environments.find((m) => m.name === e.name)!;
      const alternative = ingressAlternative(env);
      return { ...e, ingress: ingressPlan(env), ...(alternative ? { ingressAlternative: alternative } : {}) };
    }),
  });
  const head = withIngress(plan(1, { dev: 20, prod: 150 }));
  // The base branch's plan was written before the ingress was planned.
  const base = fromPlan(plan(1, { dev: 20, prod: 150 }));

  it('prices a load balancer for the HTTP API environment and says nothing for production on the load balancer', () => {
    expect(dev!.ingressChoice.ingress).toBe('http-api');
    expect(prod!.production && prod!.ingressChoice.ingress).toBe('load-balancer');
    const alternative = head.environments[0]!.ingressAlternative;
    if (alternative === undefined || !('usdPerMonth' in alternative))
      throw new Error('dev has no priced alternative');
    expect(alternative.savingUsdPerMonth).toBeGreaterThan(0);
    const summary = renderPlanMarkdown(head, { base }).split('\n');
    const line = summary.find((l) => l.startsWith('- dev: '));
    expect(line).toContain(
      `- dev: HTTP API — a load balancer would cost ${formatMonthly(alternative.savingUsdPerMonth, alternative.savingUnverified.length)}/month more`,
    );
    expect(line).toContain(
      `(${formatMonthly(alternative.usdPerMonth, alternative.unverified.length)}: hours $`,
    );
    // In the cost section, under its table.
    expect(summary.indexOf(line!)).toBeGreaterThan(summary.findIndex((l) => l.startsWith('| **total** |')));
    expect(summary.some((l) => l.startsWith('- prod'))).toBe(false);
  });

  it('says nothing of the ingress when the plan was written before it was compared', () => {
    const summary = renderPlanMarkdown(plan(1, { dev: 20, prod: 150 }), { base });
    expect(summary).toContain('### Cost against the base branch');
    expect(summary).not.toMatch(/ingress|^- dev/m);
  });
});
