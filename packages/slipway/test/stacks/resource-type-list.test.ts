import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_RESOURCE_TYPES, type StackLayer } from '../../src/config/data/aws-tables.generated.js';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { EnvironmentConfig, SlipwayConfig } from '../../src/config/schema.js';
import { stackPlacements } from '../../src/config/validate/stack-placements.js';
import { observabilityOf } from '../../src/model/observability.js';
import type { AppModel } from '../../src/model/types.js';
import { planPreview } from '../../src/preview/preview-plan.js';
import { type BuiltStack, buildApp, buildPreviewApp, type SlipwayApp } from '../../src/stacks/build-app.js';
import { synthesize } from '../../src/stacks/synthesize.js';
import type { SynthesizedStack } from '../../src/template/types.js';

/**
 * The list of resource types in `scripts/build-config-tables.py` against what the stacks really
 * make. The config check only knows what a region lacks for the types on that list, so a type a
 * stack creates but the list misses would slip past it into a template cfn-lint rejects.
 */

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');

function env(account: string, region: string, extra: Partial<EnvironmentConfig> = {}): EnvironmentConfig {
  return { account, region, availabilityZones: [`${region}a`, `${region}b`], ...extra };
}

/**
 * Every option that adds resources: CodePipeline delivery with targets in another account and in
 * another region, previews from branch images, a created secret, a database, a cache, a table, functions
 * (one a stream calls, one a topic calls, one a queue calls, one nothing does), a queue, a user pool, scaling, an
 * internal service, NAT gateways, a domain with its HTTPS listener, an edge with WAF, a cached
 * path and its own domain, every alert route (email, Slack, PagerDuty), and
 * uptime canaries.
 */
const EVERYTHING: SlipwayConfig = {
  app: 'shop',
  github: { repository: 'acme/shop' },
  ci: { account: '333333333333', region: 'us-east-1' },
  delivery: { pipeline: 'codepipeline', previewBranches: ['feat/*'] },
  databases: { main: {} },
  caches: { sessions: {} },
  tables: { orders: { partitionKey: { name: 'pk' }, stream: 'new-image' } },
  functions: {
    notify: {
      entry: path.resolve(import.meta.dirname, '../fixtures/functions/notify.ts'),
      events: { table: 'orders' },
    },
    audit: { entry: path.resolve(import.meta.dirname, '../fixtures/functions/notify.ts') },
    ship: {
      entry: path.resolve(import.meta.dirname, '../fixtures/functions/notify.ts'),
      events: { topic: 'order-events' },
    },
    work: {
      entry: path.resolve(import.meta.dirname, '../fixtures/functions/notify.ts'),
      events: { queue: 'jobs' },
    },
  },
  topics: { 'order-events': {} },
  queues: { jobs: {} },
  observability: {
    uptime: true,
    alerts: {
      email: ['oncall@shop.example.com'],
      slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' },
      pagerduty: { integrationUrlSecret: 'shop/pagerduty-url' },
    },
  },
  auth: {
    resourceServers: { orders: { scopes: { write: 'Change orders' } } },
    appClients: { spa: { callbackUrls: ['https://shop.example.com/callback'] } },
    machineClients: { worker: { scopes: ['orders/write'] } },
  },
  secrets: { stripeKey: { ssm: '/shop/stripe_key' }, session: { secretsManager: 'shop/session' } },
  services: {
    web: {
      port: 8080,
      database: 'main',
      cache: 'sessions',
      auth: { scopes: ['orders/write'] },
      secrets: { STRIPE_KEY: 'stripeKey', SESSION: 'session' },
      scaling: { cpuPercent: 60, requestsPerTarget: 200 },
    },
    worker: { port: 9000, public: false, queues: ['jobs'] },
  },
  environments: {
    dev: env('111111111111', 'us-east-1', { network: { natGateways: 1 } }),
    stage: env('333333333333', 'eu-west-1', {
      edge: {
        cloudfront: true,
        waf: { managedRules: ['common'], rateLimit: 1000 },
        cache: { '/static/*': 3600 },
        domain: {
          name: 'stage.shop.example.com',
          certificateArn:
            'arn:aws:acm:us-east-1:333333333333:certificate/0b6f3c2e-1111-2222-3333-444455556666',
        },
      },
    }),
    prod: env('222222222222', 'eu-west-1', {
      production: true,
      network: { natGateways: 2 },
      domain: {
        name: 'shop.example.com',
        certificateArn: 'arn:aws:acm:eu-west-1:222222222222:certificate/0b6f3c2e-1111-2222-3333-444455556666',
      },
    }),
  },
};

/**
 * An environment on the HTTP API with a domain of its own: the custom domain and its mapping are
 * made only there (EVERYTHING's services need the load balancer, and medications has no domain).
 */
const HTTP_API_WITH_DOMAIN: SlipwayConfig = {
  app: 'kiosk',
  github: { repository: 'acme/kiosk' },
  ci: { account: '333333333333', region: 'us-east-1' },
  services: { web: { port: 8080 } },
  environments: {
    dev: env('111111111111', 'eu-west-1', {
      ingress: 'http-api',
      domain: {
        name: 'dev.kiosk.example.com',
        certificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/0b6f3c2e-1111-2222-3333-444455556666',
      },
    }),
  },
};

/** An EKS model with every alert route, so the cluster stack's routes are on the list too. */
function withEveryRoute(model: AppModel): AppModel {
  const alerts = resolveConfig(EVERYTHING).environments[0]!.observability!.alerts;
  return {
    ...model,
    environments: model.environments.map((e) => ({
      ...e,
      observability: { ...observabilityOf(e), alerts },
    })),
  };
}

/** The layer the list files a built stack under: pipeline-target stacks go to their environment's region. */
function layerOf(built: BuiltStack): StackLayer {
  return built.kind === 'pipeline' && built.environment !== undefined ? 'pipeline-target' : built.kind;
}

interface Synthesized {
  readonly model: AppModel;
  readonly stacks: readonly (SynthesizedStack & { readonly layer: StackLayer })[];
}

describe('the resource type list', () => {
  const synthesized: Synthesized[] = [];
  const outdirs: string[] = [];
  const synth = (model: AppModel, build: (outdir: string) => SlipwayApp) => {
    const outdir = mkdtempSync(path.join(tmpdir(), `slipway-types-${model.app}-`));
    outdirs.push(outdir);
    const built = build(outdir);
    const stacks = synthesize(built).map((stack, index) => ({
      ...stack,
      layer: layerOf(built.stacks[index]!),
    }));
    synthesized.push({ model, stacks });
  };

  beforeAll(async () => {
    const models = [
      await loadConfig(path.join(EXAMPLES, 'megadolls', 'slipway.config.ts')),
      await loadConfig(path.join(EXAMPLES, 'medications', 'slipway.config.ts')),
      await loadConfig(path.join(EXAMPLES, 'goapp', 'slipway.config.ts')),
      await loadConfig(path.join(EXAMPLES, 'parrot', 'slipway.config.ts')),
      resolveConfig(EVERYTHING),
      resolveConfig(HTTP_API_WITH_DOMAIN),
      withEveryRoute(await loadConfig(path.join(EXAMPLES, 'parrot', 'slipway.config.ts'))),
    ];
    for (const model of models) {
      synth(model, (outdir) => buildApp(model, { outdir }));
      if (model.delivery?.preview === undefined) continue;
      const preview = planPreview(model, { branch: 'feat/list', branchImages: true });
      synth(model, (outdir) => buildPreviewApp(model, preview, { outdir }));
    }
  });

  afterAll(() => {
    for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
  });

  it('holds every type each stack creates, under the layer of that stack', () => {
    const unlisted = synthesized.flatMap(({ stacks }) =>
      stacks.flatMap((stack) =>
        Object.values(stack.template.Resources ?? {})
          .filter((resource) => !LAYER_RESOURCE_TYPES[stack.layer].includes(resource.Type))
          .map((resource) => `${stack.name} (${stack.layer}): ${resource.Type}`),
      ),
    );
    expect([...new Set(unlisted)]).toEqual([]);
  });

  it('holds no type these configs never create, so it does not go stale', () => {
    const created = new Set(
      synthesized.flatMap(({ stacks }) =>
        stacks.flatMap((stack) => Object.values(stack.template.Resources ?? {}).map((r) => r.Type)),
      ),
    );
    const listed = [...new Set(Object.values(LAYER_RESOURCE_TYPES).flat())];
    expect(listed.filter((type) => !created.has(type))).toEqual([]);
    // Every layer is exercised, previews and pipeline targets included.
    expect(new Set(synthesized.flatMap(({ stacks }) => stacks.map((s) => s.layer)))).toEqual(
      new Set(Object.keys(LAYER_RESOURCE_TYPES)),
    );
  });

  it('places stacks where the config check expects them: the same layers, environments and regions', () => {
    for (const model of new Set(synthesized.map((entry) => entry.model))) {
      const key = (layer: string, region: string | undefined, environment: string | undefined) =>
        `${layer} ${environment ?? '-'} ${region ?? '?'}`;
      const built = synthesized
        .filter((entry) => entry.model === model)
        .flatMap((entry) => entry.stacks.map((s) => key(s.layer, s.region, s.environment)));
      const expected = stackPlacements(model).map((p) => key(p.layer, p.region, p.environment));
      expect(built.sort(), model.app).toEqual(expected.sort());
    }
  });
});
