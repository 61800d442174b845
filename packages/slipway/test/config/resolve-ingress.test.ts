import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { describeNeeds } from '../../src/config/resolve/ingress.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { MISSING_RESOURCE_TYPES } from '../../src/config/data/aws-tables.generated.js';
import { expectIssue, validConfig } from './fixtures.js';

const example = (name: string) =>
  fileURLToPath(new URL(`../../../../examples/${name}/slipway.config.ts`, import.meta.url));

function env(model: AppModel, name: string): EnvironmentModel {
  const found = model.environments.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no environment ${name}`);
  return found;
}

/** `service: field` for each need, `field` for the environment's own. */
const needsOf = (environment: EnvironmentModel) =>
  environment.ingressChoice.needsLoadBalancer.map((need) =>
    need.service === undefined ? need.field : `${need.service}: ${need.field}`,
  );

/** The fixture with previews off and prod rolling, so nothing rules the HTTP API out. */
function plainConfig(): SlipwayConfig {
  const config = validConfig();
  config.delivery = { previewBranches: [] };
  config.services!['web']!.deployment = { strategy: 'rolling' };
  return config;
}

describe('ingress resolution', () => {
  it("examples/megadolls: dev keeps the load balancer for pgadmin's sticky sessions and allow-list", async () => {
    const model = await loadConfig(example('megadolls'));
    const dev = env(model, 'dev');
    expect(dev.ingress).toBe('load-balancer');
    expect(dev.ingressChoice.set).toBe(false);
    expect(needsOf(dev)).toEqual(['pgadmin: stickySessions', 'pgadmin: allowedCidrs']);
    expect(dev.ingressChoice.reason).toBe(
      'The load balancer, needed by pgadmin (stickySessions, allowedCidrs).',
    );
    const sticky = dev.ingressChoice.needsLoadBalancer[0]!;
    expect(sticky.why).toMatch(/no session affinity/);
    // Production's canaries shift traffic between target groups on both public services.
    expect(needsOf(env(model, 'prod'))).toEqual([
      'web: deployment.strategy',
      'pgadmin: stickySessions',
      'pgadmin: allowedCidrs',
      'pgadmin: deployment.strategy',
    ]);
  });

  it('examples/medications: nothing needs the load balancer, so dev takes the HTTP API (its previews too)', async () => {
    const model = await loadConfig(example('medications'));
    const dev = env(model, 'dev');
    expect(model.delivery?.preview?.environment).toBe('dev');
    expect(needsOf(dev)).toEqual([]);
    expect(dev.ingress).toBe('http-api');
    // Production's default rollout is a canary, which shifts traffic on the load balancer.
    expect(needsOf(env(model, 'prod'))).toEqual(['api: deployment.strategy']);
  });

  it('examples/orders names the edge; the EKS examples say the controller makes their load balancer', async () => {
    const orders = await loadConfig(example('orders'));
    expect(needsOf(env(orders, 'dev'))).toEqual(['edge']);
    for (const name of ['goapp', 'parrot']) {
      const model = await loadConfig(example(name));
      for (const environment of model.environments) {
        expect(environment.ingress).toBe('load-balancer');
        expect(needsOf(environment)).toEqual(['runtime']);
        expect(environment.ingressChoice.reason).toMatch(/AWS Load Balancer Controller/);
      }
    }
  });

  it('defaults to the HTTP API outside production when nothing needs the load balancer, and to the load balancer in production', () => {
    const model = resolveConfig(plainConfig());
    const dev = env(model, 'dev');
    expect(dev.ingressChoice).toEqual({
      ingress: 'http-api',
      set: false,
      reason: 'The HTTP API, the default outside production: nothing here needs the load balancer.',
      needsLoadBalancer: [],
    });
    expect(env(model, 'prod').ingressChoice).toEqual({
      ingress: 'load-balancer',
      set: false,
      reason: 'Production keeps the load balancer unless its config sets the ingress.',
      needsLoadBalancer: [],
    });
  });

  it('defaults outside production to the load balancer as soon as one public service needs it', () => {
    const config = plainConfig();
    config.services!['admin'] = { port: 8081, paths: ['/admin/*'], stickySessions: true };
    const dev = env(resolveConfig(config), 'dev');
    expect(dev.ingressChoice).toMatchObject({
      ingress: 'load-balancer',
      set: false,
      reason: 'The load balancer, needed by admin (stickySessions).',
    });
  });

  it('takes an explicit value as it is, and still lists what needs the load balancer', () => {
    const config = plainConfig();
    config.environments['dev']!.ingress = 'http-api';
    config.environments['prod']!.ingress = 'load-balancer';
    config.services!['web']!.stickySessions = true;
    config.environments['dev']!.services = { web: { stickySessions: false } };
    const model = resolveConfig(config);
    expect(env(model, 'dev').ingress).toBe('http-api');
    expect(env(model, 'dev').ingressChoice).toMatchObject({
      set: true,
      reason: "Set to 'http-api' in the config.",
      needsLoadBalancer: [],
    });
    expect(env(model, 'prod').ingressChoice).toMatchObject({
      ingress: 'load-balancer',
      set: true,
      reason: "Set to 'load-balancer' in the config; the load balancer is needed by web (stickySessions).",
    });
  });

  it('lists each traffic-shifting strategy and allow-list per public service, and nothing for an internal one', () => {
    const config = plainConfig();
    config.services!['admin'] = {
      port: 8081,
      paths: ['/admin/*'],
      deployment: { strategy: 'blue-green', bakeMinutes: 5 },
      allowedCidrs: ['203.0.113.0/24'],
    };
    config.services!['worker'] = { port: 9000, public: false };
    const dev = env(resolveConfig(config), 'dev');
    expect(needsOf(dev)).toEqual(['admin: allowedCidrs', 'admin: deployment.strategy']);
    expect(dev.ingressChoice.needsLoadBalancer[1]!.why).toMatch(/blue-green deployment shifts traffic/);
  });

  it('says there is no ingress when no service is public, whatever else the environment has', () => {
    const config = validConfig();
    config.services!['web']!.public = false;
    const model = resolveConfig(config);
    for (const environment of model.environments) {
      expect(environment.ingressChoice.needsLoadBalancer).toEqual([]);
      expect(environment.ingressChoice.reason).toBe('No service is public, so no ingress is built.');
    }
  });

  it('keeps the load balancer in a region whose CloudFormation offers no HTTP API, and refuses an explicit one there', () => {
    const config = plainConfig();
    config.environments['dev'] = {
      ...config.environments['dev']!,
      region: 'ap-east-2',
      availabilityZones: ['ap-east-2a', 'ap-east-2b'],
    };
    const dev = env(resolveConfig(config), 'dev');
    expect(MISSING_RESOURCE_TYPES['ap-east-2']).toContain('AWS::ApiGatewayV2::Api');
    expect(dev.ingressChoice).toMatchObject({
      ingress: 'load-balancer',
      reason: 'The load balancer, needed by the region.',
    });
    expect(dev.ingressChoice.needsLoadBalancer[0]!.why).toMatch(/not offered in ap-east-2/);
    config.environments['dev']!.ingress = 'http-api';
    expectIssue(config, 'environments.dev.region', {
      message: ["environments.dev.ingress is 'http-api'", 'not offered in ap-east-2'],
      fix: ["'load-balancer'", 'a region that offers HTTP APIs'],
    });
  });

  it('lets previews copy an environment on the HTTP API', () => {
    const config = plainConfig();
    config.delivery = { previewBranches: ['feat/*'] };
    const model = resolveConfig(config);
    expect(model.delivery?.preview?.environment).toBe('dev');
    expect(env(model, 'dev').ingress).toBe('http-api');
  });

  it('describes needs grouped by service, then the environment', () => {
    expect(
      describeNeeds([
        { service: 'a', field: 'stickySessions', why: '' },
        { service: 'b', field: 'allowedCidrs', why: '' },
        { service: 'a', field: 'deployment.strategy', why: '' },
        { field: 'edge', why: '' },
      ]),
    ).toBe('a (stickySessions, deployment.strategy), b (allowedCidrs) and the edge');
    expect(describeNeeds([{ field: 'runtime', why: '' }])).toBe('runtime');
  });
});
