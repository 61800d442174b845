import { h } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ingressAlternative } from '../../src/cost/ingress-alternative.js';
import { ingressPlan } from '../../src/plan/ingress-plan.js';
import type { EnvironmentPlan } from '../../src/plan/types.js';
import { IngressCost } from '../../src/report/page/ingress-cost.js';
import { exampleModel } from '../workflows/fixtures.js';

const model = await exampleModel('medications');
const dev = model.environments.find((env) => env.name === 'dev')!;

/** dev as a plan lists it, without the stacks and costs the ingress lines do not read. */
function devPlan(withIngress: boolean): EnvironmentPlan {
  const alternative = ingressAlternative(dev);
  return {
    name: dev.name,
    region: dev.region,
    production: dev.production,
    ...(withIngress ? { ingress: ingressPlan(dev), ingressAlternative: alternative } : {}),
    stacks: [],
    monthlyCostUsd: 0,
    costItems: [],
    unpriced: [],
    unverifiedFigures: 0,
    findings: [],
  };
}

describe("an environment's ingress beside its cost in the report", () => {
  it('names the ingress and prices the other', () => {
    const html = renderToStaticMarkup(h(IngressCost, { env: devPlan(true) }));
    expect(html).toContain('data-ingress="http-api"');
    expect(html).toContain('against a load balancer');
  });

  it('shows nothing for a plan written before the ingress was planned', () => {
    expect(renderToStaticMarkup(h(IngressCost, { env: devPlan(false) }))).toBe('');
  });
});
