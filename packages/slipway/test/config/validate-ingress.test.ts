import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

/** The fixture with dev on the HTTP API, previews off and prod rolling: valid as it stands. */
function onHttpApi(): SlipwayConfig {
  const config = validConfig();
  config.delivery = { previewBranches: [] };
  config.services!['web']!.deployment = { strategy: 'rolling' };
  config.environments['dev']!.ingress = 'http-api';
  return config;
}

describe("ingress: 'http-api'", () => {
  it('is accepted where nothing needs the load balancer, and so is an explicit load balancer anywhere', () => {
    expect(resolveConfig(onHttpApi()).environments[0]!.ingress).toBe('http-api');
    const config = validConfig();
    config.services!['web']!.stickySessions = true;
    config.environments['dev']!.ingress = 'load-balancer';
    expect(resolveConfig(config).environments[0]!.ingress).toBe('load-balancer');
  });

  it('refuses sticky sessions, at the field that sets them, offering both ways out', () => {
    const config = onHttpApi();
    config.environments['dev']!.services = { web: { stickySessions: true } };
    expectIssue(config, 'environments.dev.services.web.stickySessions', {
      message: ["environments.dev.ingress is 'http-api'", 'no session affinity'],
      fix: [
        "set environments.dev.ingress to 'load-balancer'",
        'environments.dev.services.web.stickySessions: false',
      ],
    });
  });

  it('refuses an allow-list written on the service, naming where it is written', () => {
    const config = onHttpApi();
    config.services!['web']!.allowedCidrs = ['203.0.113.0/24'];
    expectIssue(config, 'services.web.allowedCidrs', {
      message: ['no resource policy and no AWS WAF'],
      fix: ["'load-balancer'", 'environments.dev.services.web.allowedCidrs: []'],
    });
  });

  it('refuses a traffic-shifting deployment', () => {
    const config = onHttpApi();
    config.environments['dev']!.services = {
      web: { deployment: { strategy: 'canary', canaryPercent: 10, bakeMinutes: 5 } },
    };
    expectIssue(config, 'environments.dev.services.web.deployment.strategy', {
      message: ['canary deployment shifts traffic between two target groups'],
      fix: ["'load-balancer'", "deployment: { strategy: 'rolling' }"],
    });
  });

  it('refuses production with its default canary, at the service where a strategy would be set', () => {
    const config = onHttpApi();
    config.services!['web']!.deployment = undefined;
    config.environments['prod']!.ingress = 'http-api';
    config.environments['prod']!.observability = { alerts: { email: ['oncall@shop.example.com'] } };
    expectIssue(config, 'services.web.deployment.strategy', {
      message: ["environments.prod.ingress is 'http-api'"],
      fix: ['environments.prod.services.web.deployment'],
    });
  });

  it('refuses scaling on requests per task, which reads the load balancer', () => {
    const config = onHttpApi();
    config.services!['web']!.scaling = { requestsPerTarget: 500 };
    expectIssue(config, 'services.web.scaling.requestsPerTarget', {
      message: ["environments.dev.ingress is 'http-api'", 'count per target group'],
      fix: ["'load-balancer'", 'cpuPercent or memoryPercent'],
    });
  });

  it('refuses a path with a wildcard before its end, which no route key can say', () => {
    const config = onHttpApi();
    config.services!['web']!.paths = ['/shop/*/items'];
    expectIssue(config, 'services.web.paths', {
      message: ["'/shop/*/items' has a wildcard before its end"],
      fix: ["'load-balancer'", "prefixes ending in '/*'"],
    });
  });

  it('refuses an edge', () => {
    const config = onHttpApi();
    config.environments['dev']!.edge = { cloudfront: true };
    expectIssue(config, 'environments.dev.edge', {
      message: ['VPC origin on the load balancer'],
      fix: ["'load-balancer'", 'remove environments.dev.edge'],
    });
  });

  it('accepts being the environment previews copy: each preview takes a route prefix of its own', () => {
    const config = onHttpApi();
    config.delivery = { previewEnvironment: 'dev' };
    const dev = resolveConfig(config).environments.find((e) => e.name === 'dev')!;
    expect(dev.ingress).toBe('http-api');
  });

  it('refuses EKS, whatever its services', () => {
    const config = onHttpApi();
    config.environments['dev']!.runtime = 'eks';
    config.services!['web']!.public = false;
    const found = expectIssue(config, 'environments.dev.ingress', {
      message: ['EKS', 'AWS Load Balancer Controller'],
      fix: ["'load-balancer'", 'run dev on ECS'],
    });
    expect(issuesOf(config).filter((entry) => entry.path === found.path)).toHaveLength(1);
  });
});
