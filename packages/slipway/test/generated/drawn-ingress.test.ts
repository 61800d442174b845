import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { EnvironmentModel } from '../../src/model/types.js';
import { forDrawnConfigs } from './drawn-runs.js';
import { offersHttpApi } from './region-choices.js';

/**
 * What rules the HTTP API out, restated from the resolved services and the environment: a public
 * service with sticky sessions, an allow-list, request-count scaling, a path with a wildcard before
 * its end or a traffic-shifting rollout, an edge, a region without the HTTP API, or EKS. None of it
 * counts without a public service; previews do not count (they take routes of their own).
 */
function needsLoadBalancer(env: EnvironmentModel): boolean {
  const exposed = env.services.filter((service) => service.public);
  if (exposed.length === 0) return false;
  const serviceNeeds = exposed.some(
    (service) =>
      service.stickySessions === true ||
      service.allowedCidrs.length > 0 ||
      service.scaling.requestsPerTarget !== undefined ||
      service.paths.some((path) => path !== '/*' && /[*?{}]/.test(path.replace(/\/\*$/, ''))) ||
      service.deployment.strategy !== 'rolling',
  );
  return serviceNeeds || env.edge !== undefined || !offersHttpApi(env.region) || env.runtime === 'eks';
}

/** The ingress the config code picks when the config does not: the HTTP API outside production where it can. */
function defaultIngress(env: EnvironmentModel): 'load-balancer' | 'http-api' {
  const exposed = env.services.some((service) => service.public);
  return exposed && !env.production && !needsLoadBalancer(env) ? 'http-api' : 'load-balancer';
}

describe('the ingress of drawn configs', () => {
  it('lists what needs the load balancer exactly when a public service or the environment has something an HTTP API lacks', () => {
    let environments = 0;
    let withNeeds = 0;
    let set = 0;
    let defaulted = 0;
    forDrawnConfigs({ count: 24, wideRuns: 200 }, (config) => {
      const model = resolveConfig(config);
      for (const env of model.environments) {
        const choice = env.ingressChoice;
        expect(choice.needsLoadBalancer.length === 0, `${env.name}: ${choice.reason}`).toBe(
          !needsLoadBalancer(env),
        );
        // Every service named is one of the environment's public services.
        const exposed = new Set(
          env.services.filter((service) => service.public).map((service) => service.name),
        );
        for (const need of choice.needsLoadBalancer) {
          if (need.service !== undefined) expect(exposed.has(need.service)).toBe(true);
        }
        // The config's choice where it makes one, else the default. An HTTP API is never chosen
        // where something needs the load balancer.
        expect(env.ingress).toBe(config.environments[env.name]?.ingress ?? defaultIngress(env));
        if (env.ingress === 'http-api') expect(choice.needsLoadBalancer).toEqual([]);
        expect(choice.ingress).toBe(env.ingress);
        expect(choice.set).toBe(config.environments[env.name]?.ingress !== undefined);
        expect(choice.reason).toMatch(/\.$/);
        environments += 1;
        if (choice.needsLoadBalancer.length > 0) withNeeds += 1;
        if (choice.set) set += 1;
        if (!choice.set && env.ingress === 'http-api') defaulted += 1;
      }
    });
    // Both sides of the property were reached.
    expect(withNeeds).toBeGreaterThan(0);
    expect(environments).toBeGreaterThan(withNeeds);
    expect(set).toBeGreaterThan(0);
    expect(defaulted).toBeGreaterThan(0);
  });
});
