/**
 * What a drawn config exercises, as a set of feature names, and a pick of draws that together
 * exercise every feature the generator draws. The unit run plans that pick instead of a long
 * random run: a few dozen plans reach every branch the generator can take, where random draws
 * needed well over a hundred to be likely to, and `test:wide` still draws thousands at random.
 */
import fc from 'fast-check';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { observabilityOf } from '../../src/model/observability.js';
import { validConfig } from './config-arbitraries.js';
import { acceptedRegions } from './region-choices.js';

/**
 * Every feature the generator draws. The cover test checks that the pool of draws holds each of
 * them, so a generator change that stops drawing one fails there instead of thinning the tests.
 */
export const DRAWN_FEATURES = [
  'environments:dev',
  'environments:dev-prod',
  'environments:dev-staging-prod',
  'environments:prod-only',
  'production-in-another-region',
  'layout:one-account',
  'layout:account-per-environment',
  'layout:separate-ci-account',
  'delivery:github-actions',
  'delivery:codepipeline',
  'ci-region-of-its-own',
  'previews',
  'control-tower-pack',
  'runtime:ecs',
  'runtime:eks',
  'eks-datadog:agent',
  'eks-datadog:monitors',
  'eks-x86-pool',
  'nat-gateways:0',
  'network:custom',
  'encryption:aws-managed',
  'encryption:customer-managed',
  'domain',
  'edge',
  'edge-domain',
  'edge-waf',
  'ingress:http-api',
  'databases:1',
  'databases:2+',
  'read-replicas',
  'cache',
  'table',
  'table-stream',
  'queue',
  'auth',
  'machine-client',
  'secrets:ssm',
  'secrets:secrets-manager',
  'services:1',
  'services:4+',
  'internal-service',
  'public-services:2+',
  'allowed-cidrs',
  'sticky-sessions',
  'architecture:x86_64',
  'capacity:spot',
  'capacity:on-demand',
  'strategy:rolling',
  'strategy:canary',
  'strategy:linear',
  'strategy:blue-green',
  'scaling:requests',
  'alerts:email',
  'alerts:slack',
  'alerts:pagerduty',
  'provider:cloudwatch',
  'provider:datadog',
  'provider:datadog-on-eks',
  'provider:elastic',
  'tracing',
  'uptime',
  'uptime-behind-edge',
  'alarms:essential',
  'alarms:all',
  'container-insights:off',
  'container-insights:standard',
  'container-insights:enhanced',
  'dashboard:off',
] as const;

export type DrawnFeature = (typeof DRAWN_FEATURES)[number];

/** The features one config exercises. */
export function featuresOf(config: SlipwayConfig): Set<DrawnFeature> {
  const found = new Set<DrawnFeature>();
  const add = (feature: DrawnFeature, when: boolean | undefined = true) => {
    if (when) found.add(feature);
  };
  const model = resolveConfig(config);
  const envs = Object.entries(config.environments);
  // The generator's four environment sets, by their names in order.
  const names = envs.map(([name]) => name).join('-');
  add(`environments:${names === 'prod' ? 'prod-only' : names}` as DrawnFeature);
  const regions = new Set(envs.map(([, env]) => env.region));
  add('production-in-another-region', regions.size > 1);
  const accounts = new Set(envs.map(([, env]) => env.account));
  const ciAccount = config.ci?.account;
  add('layout:separate-ci-account', ciAccount !== undefined && !accounts.has(ciAccount));
  add('layout:account-per-environment', accounts.size > 1);
  add('layout:one-account', accounts.size === 1 && ciAccount === undefined);
  add(`delivery:${config.delivery?.pipeline ?? 'github-actions'}`);
  add('ci-region-of-its-own', config.ci?.region !== undefined);
  add('previews', (config.delivery?.previewBranches ?? []).length > 0);
  add('control-tower-pack', config.checks?.controlTower !== false);
  add(
    'eks-datadog:agent',
    config.eks?.datadog !== undefined && config.eks.datadog.appKeySecret === undefined,
  );
  add('eks-datadog:monitors', config.eks?.datadog?.appKeySecret !== undefined);
  add('eks-x86-pool', config.eks?.nodePools?.['amd64'] !== undefined);
  add('databases:1', Object.keys(config.databases ?? {}).length === 1);
  add('databases:2+', Object.keys(config.databases ?? {}).length >= 2);
  add(
    'read-replicas',
    Object.values(config.databases ?? {}).some((db) => (db.readReplicas ?? 0) > 0),
  );
  add('cache', config.caches !== undefined);
  add('table', config.tables !== undefined);
  add(
    'table-stream',
    Object.values(config.tables ?? {}).some((t) => t.stream !== undefined),
  );
  add('queue', config.queues !== undefined);
  add('auth', config.auth !== undefined);
  add('machine-client', config.auth?.machineClients !== undefined);
  const secrets = Object.values(config.secrets ?? {});
  add(
    'secrets:ssm',
    secrets.some((s) => s.ssm !== undefined),
  );
  add(
    'secrets:secrets-manager',
    secrets.some((s) => s.secretsManager !== undefined),
  );

  const services = Object.values(config.services ?? {});
  add('services:1', services.length === 1);
  add('services:4+', services.length >= 4);
  add(
    'internal-service',
    services.some((s) => s.public === false),
  );
  add('public-services:2+', services.filter((s) => s.public !== false).length >= 2);
  add(
    'allowed-cidrs',
    services.some((s) => s.allowedCidrs !== undefined),
  );
  add(
    'sticky-sessions',
    services.some((s) => s.stickySessions === true),
  );
  add(
    'architecture:x86_64',
    services.some((s) => s.architecture === 'x86_64'),
  );
  add(
    'capacity:spot',
    services.some((s) => s.capacity === 'spot'),
  );
  add(
    'capacity:on-demand',
    services.some((s) => s.capacity === 'on-demand'),
  );
  for (const service of services)
    add(`strategy:${service.deployment?.strategy ?? 'rolling'}` as DrawnFeature);
  add(
    'scaling:requests',
    services.some((s) => s.scaling?.requestsPerTarget !== undefined),
  );

  for (const [name, env] of envs) {
    const resolved = model.environments.find((e) => e.name === name)!;
    const watching = observabilityOf(resolved);
    add(`runtime:${resolved.runtime}` as DrawnFeature);
    add('nat-gateways:0', env.network?.natGateways === 0);
    add('network:custom', env.network?.cidr !== undefined);
    add(`encryption:${env.encryption}` as DrawnFeature, env.encryption !== undefined);
    add('domain', env.domain !== undefined);
    add('edge', env.edge !== undefined);
    add('edge-domain', env.edge?.domain !== undefined);
    add('edge-waf', env.edge?.waf !== undefined);
    add('ingress:http-api', resolved.ingress === 'http-api');
    add('alerts:email', watching.alerts.emails.length > 0);
    add('alerts:slack', watching.alerts.slack !== undefined);
    add('alerts:pagerduty', watching.alerts.pagerduty !== undefined);
    const onEks = resolved.runtime === 'eks';
    add(
      onEks && watching.provider === 'datadog' ? 'provider:datadog-on-eks' : `provider:${watching.provider}`,
    );
    add('tracing', watching.tracing);
    add('uptime', watching.uptime);
    add('uptime-behind-edge', watching.uptime && env.edge !== undefined);
    add(`alarms:${watching.alarms}`);
    if (!onEks) add(`container-insights:${watching.containerInsights}`);
    add('dashboard:off', !watching.dashboard);
  }
  return found;
}

/** Draws the covering pick chooses from: enough that every drawn feature is among them. */
export const POOL_SIZE = 200;

interface PooledDraw {
  readonly config: SlipwayConfig;
  readonly features: Set<DrawnFeature>;
}

/** Test files in one worker share modules, so a pool is drawn and read once per worker and seed. */
const pools = new Map<string, readonly PooledDraw[]>();

/** The fixed-seed pool, each draw with its features. */
export function drawPool(seed: number, poolSize = POOL_SIZE): readonly PooledDraw[] {
  const key = `${seed}/${poolSize}`;
  let pool = pools.get(key);
  if (pool === undefined) {
    pool = fc
      .sample(validConfig({ regions: acceptedRegions() }), { seed, numRuns: poolSize })
      .map((config) => ({ config, features: featuresOf(config) }));
    pools.set(key, pool);
  }
  return pool;
}

/**
 * `count` draws from a fixed-seed pool of `poolSize`, picked greedily (each time the draw adding
 * the most features not yet exercised, per stack it plans unless `perStack` is false) until they exercise every feature the pool does or there
 * are `count`; then the pool's first draws not yet picked until there are `count`.
 */
export function coveringDraws(
  seed: number,
  count: number,
  options: { readonly perStack?: boolean; readonly poolSize?: number } = {},
): SlipwayConfig[] {
  const { perStack = true, poolSize = POOL_SIZE } = options;
  const pool = drawPool(seed, poolSize);
  const picked = new Set<number>();
  const covered = new Set<DrawnFeature>();
  while (picked.size < count) {
    let best = -1;
    let bestGain = 0;
    pool.forEach((draw, index) => {
      if (picked.has(index)) return;
      // By default new features per stack planned: a small config that adds a feature beats a big
      // one that adds the same, so the pick costs less to plan and lint.
      const added = [...draw.features].filter((f) => !covered.has(f)).length;
      const gain = perStack ? added / stacksOf(draw.config) : added;
      if (gain > bestGain) [best, bestGain] = [index, gain];
    });
    if (best < 0) break;
    picked.add(best);
    for (const feature of pool[best]!.features) covered.add(feature);
  }
  for (let index = 0; picked.size < count && index < pool.length; index++) picked.add(index);
  return [...picked].sort((a, b) => a - b).map((index) => pool[index]!.config);
}

/** About how many stacks a config plans: per environment its layers and one per service. */
function stacksOf(config: SlipwayConfig): number {
  const services = Object.keys(config.services ?? {}).length;
  return Object.keys(config.environments).length * (4 + services) + 1;
}

/** The features a set of draws exercises together. */
export function featuresOfAll(configs: readonly SlipwayConfig[]): Set<DrawnFeature> {
  return new Set(configs.flatMap((config) => [...featuresOf(config)]));
}
