import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { EnvironmentModel } from '../../src/model/types.js';
import { forDrawnConfigs } from './drawn-runs.js';

/**
 * What rules the HTTP API out, restated from the resolved services and the environment: a public
 * service with sticky sessions, an allow-list or a traffic-shifting rollout, an edge, previews
 * copying the environment, or EKS. None of it counts without a public service.
 */
function needsLoadBalancer(env: EnvironmentModel, copiedByPreviews: boolean): boolean {
  const exposed = env.services.filter((service) => service.public);
  if (exposed.length === 0) return false;
  const serviceNeeds = exposed.some(
    (service) =>
      service.stickySessions === true ||
      service.allowedCidrs.length > 0 ||
      service.deployment.strategy !== 'rolling',
  );
  return serviceNeeds || env.edge !== undefined || copiedByPreviews || env.runtime === 'eks';
}

describe('the ingress of drawn configs', () => {
  it('lists what needs the load balancer exactly when a public service or the environment has something an HTTP API lacks', () => {
    let environments = 0;
    let withNeeds = 0;
    let set = 0;
    forDrawnConfigs({ count: 24, wideRuns: 200 }, (config) => {
      const model = resolveConfig(config);
      for (const env of model.environments) {
        const copied = model.delivery?.preview?.environment === env.name;
        const choice = env.ingressChoice;
        expect(choice.needsLoadBalancer.length === 0, `${env.name}: ${choice.reason}`).toBe(
          !needsLoadBalancer(env, copied),
        );
        // Every service named is one of the environment's public services.
        const exposed = new Set(
          env.services.filter((service) => service.public).map((service) => service.name),
        );
        for (const need of choice.needsLoadBalancer) {
          if (need.service !== undefined) expect(exposed.has(need.service)).toBe(true);
        }
        // The config's choice where it makes one; the default (for now) is the load balancer. An
        // HTTP API is never chosen where something needs the load balancer.
        expect(env.ingress).toBe(config.environments[env.name]?.ingress ?? 'load-balancer');
        if (env.ingress === 'http-api') expect(choice.needsLoadBalancer).toEqual([]);
        expect(choice.ingress).toBe(env.ingress);
        expect(choice.set).toBe(config.environments[env.name]?.ingress !== undefined);
        expect(choice.reason).toMatch(/\.$/);
        environments += 1;
        if (choice.needsLoadBalancer.length > 0) withNeeds += 1;
        if (choice.set) set += 1;
      }
    });
    // Both sides of the property were reached.
    expect(withNeeds).toBeGreaterThan(0);
    expect(environments).toBeGreaterThan(withNeeds);
    expect(set).toBeGreaterThan(0);
  });
});
