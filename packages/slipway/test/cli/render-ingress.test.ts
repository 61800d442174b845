import { describe, expect, it } from 'vitest';
import { ingressSummary } from '../../src/cli/render/ingress.js';
import { devFloorModel } from '../fixtures/models.js';
import { ingressPlan } from '../../src/plan/ingress-plan.js';
import type { EnvironmentPlan, IngressPlan } from '../../src/plan/types.js';

/** An environment's plan with only what the ingress line reads. */
function planWith(ingress: IngressPlan | undefined, production = false): EnvironmentPlan {
  return {
    name: 'dev',
    region: 'us-east-1',
    production,
    ...(ingress === undefined ? {} : { ingress }),
    stacks: [],
    monthlyCostUsd: null,
    costItems: [],
    unpriced: [],
    unverifiedFigures: 0,
    findings: [],
  };
}

const loadBalancer = (needs: IngressPlan['needsLoadBalancer'], set = false): IngressPlan => ({
  kind: 'load-balancer',
  set,
  reason: '',
  needsLoadBalancer: needs,
});

describe("the plan's ingress line", () => {
  it('names the services and settings that need the load balancer, grouped by service', () => {
    const needs = [
      { service: 'pgadmin', field: 'stickySessions', why: '' },
      { service: 'pgadmin', field: 'allowedCidrs', why: '' },
      { field: 'edge', why: '' },
    ];
    expect(ingressSummary(planWith(loadBalancer(needs)))).toBe(
      'load balancer (pgadmin: stickySessions, allowedCidrs; edge)',
    );
    expect(ingressSummary(planWith(loadBalancer([{ field: 'runtime', why: '' }], true)))).toBe(
      'load balancer (set; EKS)',
    );
  });

  it('says why the HTTP API is the default, when an explicit load balancer could be one, and what production keeps', () => {
    expect(
      ingressSummary(planWith({ kind: 'http-api', set: false, reason: '', needsLoadBalancer: [] })),
    ).toBe('HTTP API (default outside production: nothing needs the load balancer)');
    expect(ingressSummary(planWith({ ...loadBalancer([]), set: true }))).toBe(
      'load balancer (set; an HTTP API would also serve these services)',
    );
    expect(ingressSummary(planWith(loadBalancer([]), true))).toBe('load balancer (production default)');
    expect(ingressSummary(planWith({ kind: 'http-api', set: true, reason: '', needsLoadBalancer: [] }))).toBe(
      'HTTP API (set)',
    );
  });

  it('says none without a public service, and nothing for a plan written before the ingress was planned', () => {
    const model = devFloorModel();
    const dev = model.environments[0]!;
    const internal = { ...dev, services: dev.services.map((s) => ({ ...s, public: false })) };
    expect(ingressPlan(internal).kind).toBe('none');
    expect(ingressSummary(planWith(ingressPlan(internal)))).toBe('none (no public service)');
    expect(ingressSummary(planWith(undefined))).toBeUndefined();
  });
});
