import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { pathPatternMatches, serviceAnswering } from '../../src/model/load-balancer-routing.js';
import { uptimePlan } from '../../src/model/uptime.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

/** The valid fixture with uptime on for every environment. */
function withUptime(change: (config: SlipwayConfig) => void = () => {}): SlipwayConfig {
  const config = validConfig();
  config.observability = { uptime: true };
  change(config);
  return config;
}

describe('uptime', () => {
  it('plans one canary per public service, at its health path, through the ingress the environment has', () => {
    const plans = (config: SlipwayConfig) =>
      Object.fromEntries(resolveConfig(config).environments.map((env) => [env.name, uptimePlan(env)]));
    const through = (kind: 'load-balancer' | 'http-api') => ({
      endpoint: { kind },
      checks: [{ service: 'web', path: '/healthz' }],
      problems: [],
    });
    // By default dev is on the HTTP API (outside production) and prod keeps the load balancer.
    expect(plans(withUptime())).toEqual({ dev: through('http-api'), prod: through('load-balancer') });
    const balancedDev = withUptime((c) => {
      c.environments['dev']!.ingress = 'load-balancer';
    });
    expect(plans(balancedDev)).toEqual({ dev: through('load-balancer'), prod: through('load-balancer') });
  });

  it('refuses uptime with no public service, where uptime was turned on', () => {
    expectIssue(
      withUptime((c) => {
        c.services!['web']!.public = false;
      }),
      'observability.uptime',
      { message: ['no public service', 'nothing to call'], fix: ['uptime: false', 'make a service public'] },
    );
    expectIssue(
      withUptime((c) => {
        c.observability = {};
        c.environments['prod']!.observability = { uptime: true };
        c.services!['web']!.public = false;
      }),
      'environments.prod.observability.uptime',
      { message: ['prod has no public service'], fix: ['environments.prod.observability.uptime: false'] },
    );
  });

  it('refuses an edge without a domain: the cloudfront.net name is unknown until the edge deploys', () => {
    expectIssue(
      withUptime((c) => {
        c.environments['prod']!.edge = { cloudfront: true };
      }),
      'environments.prod.edge.domain',
      { message: ['cloudfront.net', 'internal'], fix: ['environments.prod.edge.domain', 'turn uptime off'] },
    );
  });

  it('refuses a service limited to some CIDRs, since canaries call from outside them', () => {
    expectIssue(
      withUptime((c) => {
        c.services!['web']!.allowedCidrs = ['203.0.113.0/24'];
      }),
      'services.web.allowedCidrs',
      { message: ["'web' admits only its allowedCidrs"], fix: ['remove allowedCidrs', 'turn uptime off'] },
    );
  });

  it('refuses a health path the load balancer sends to another service or to none', () => {
    expectIssue(
      withUptime((c) => {
        c.services!['web']!.paths = ['/web/*'];
      }),
      'services.web.healthPath',
      { message: ["'/healthz' to no service (a 404)"], fix: ["healthPath: '/web/healthz'"] },
    );
    const issues = issuesOf(
      withUptime((c) => {
        c.services!['api'] = { port: 8080, paths: ['/api/*'] };
      }),
    );
    // Said once per environment with uptime on: both share the app's services.
    expect(new Set(issues.map((i) => `${i.path}: ${i.message}`))).toEqual(
      new Set([
        "services.api.healthPath: the load balancer sends '/healthz' to 'web', so a canary calling it would not check 'api'",
      ]),
    );
  });

  it('says nothing of these with uptime off', () => {
    const config = validConfig();
    config.services!['web']!.allowedCidrs = ['203.0.113.0/24'];
    config.environments['prod']!.edge = { cloudfront: true };
    expect(() => resolveConfig(config)).not.toThrow();
  });
});

describe("the load balancer's routing, as a canary's request meets it", () => {
  it('matches ALB path patterns: * any run, ? one character, case-sensitive, query left out', () => {
    expect(pathPatternMatches('/*', '/healthz')).toBe(true);
    expect(pathPatternMatches('/api/*', '/api/healthz')).toBe(true);
    expect(pathPatternMatches('/api/*', '/api')).toBe(false);
    expect(pathPatternMatches('/v?/ping', '/v2/ping')).toBe(true);
    expect(pathPatternMatches('/Api/*', '/api/x')).toBe(false);
    expect(pathPatternMatches('/ping', '/ping?deep=1')).toBe(true);
    expect(pathPatternMatches('/a.b', '/aXb')).toBe(false);
  });

  it('sends a path to the most specific service first, whatever the config order', () => {
    const services = [
      { name: 'web', public: true, paths: ['/*'] },
      { name: 'admin', public: true, paths: ['/admin', '/admin/*'] },
      { name: 'worker', public: false, paths: [] },
    ];
    expect(serviceAnswering(services, '/admin/healthz')).toBe('admin');
    expect(serviceAnswering(services, '/healthz')).toBe('web');
    expect(serviceAnswering(services.slice(1), '/healthz')).toBeUndefined();
  });
});
