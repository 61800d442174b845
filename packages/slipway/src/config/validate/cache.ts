/**
 * Caches: names services and environments refer to exist, node types have ElastiCache's shape,
 * the Valkey version is one ElastiCache runs, and production keeps a replica to fail over to.
 */
import type { CacheModel, EnvironmentModel } from '../../model/types.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import { didYouMean, listOf } from '../suggest.js';
import { describeEnvironment, type Validator } from './context.js';

const NAME = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;
/** `cache.<family>.<size>`, e.g. `cache.t4g.micro`, `cache.r7g.large`. */
const NODE_TYPE = /^cache\.[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** The Valkey versions ElastiCache runs: 7.2 and the 8.x line. */
const VALKEY_VERSION = /^(7\.2|8\.\d+)$/;
/** A primary and at most five replicas (cluster mode off). */
const MAX_NODES = 6;
const MAX_SNAPSHOT_DAYS = 35;

export const validateCaches: Validator = ({ config, model }) => [
  ...checkNames(config),
  ...checkReferences(config),
  ...model.environments.flatMap((env) =>
    (env.caches ?? []).flatMap((cache) => checkCache(config, env, cache)),
  ),
];

function checkNames(config: SlipwayConfig): ConfigIssue[] {
  return Object.keys(config.caches ?? {})
    .filter((name) => !NAME.test(name))
    .map((name) =>
      issue(
        joinPath('caches', name),
        `'${name}' is not a usable cache name`,
        "use lower-case letters, digits and single hyphens, starting with a letter, e.g. 'sessions'",
      ),
    );
}

function checkReferences(config: SlipwayConfig): ConfigIssue[] {
  const declared = Object.keys(config.caches ?? {});
  const dangling = (path: string, name: string) =>
    issue(
      path,
      `no cache named '${name}' is declared${didYouMean(name, declared)}`,
      declared.length > 0
        ? `use one of ${listOf(declared)}, or declare '${name}' under caches`
        : `declare '${name}' under caches, e.g. caches: { ${name}: {} }`,
    );
  const issues: ConfigIssue[] = [];
  for (const [name, service] of Object.entries(config.services ?? {})) {
    if (service.cache !== undefined && !declared.includes(service.cache)) {
      issues.push(dangling(joinPath('services', name, 'cache'), service.cache));
    }
  }
  for (const [env, environment] of Object.entries(config.environments)) {
    for (const name of Object.keys(environment.caches ?? {})) {
      if (!declared.includes(name))
        issues.push(dangling(joinPath('environments', env, 'caches', name), name));
    }
  }
  return issues;
}

/** Where a resolved cache field came from: the environment's override when it sets it. */
function cachePath(config: SlipwayConfig, env: string, cache: string, field: string): string {
  const override = config.environments[env]?.caches?.[cache] as Record<string, unknown> | undefined;
  return override?.[field] !== undefined
    ? joinPath('environments', env, 'caches', cache, field)
    : joinPath('caches', cache, field);
}

function checkCache(config: SlipwayConfig, env: EnvironmentModel, cache: CacheModel): ConfigIssue[] {
  const path = (field: string) => cachePath(config, env.name, cache.name, field);
  const issues: ConfigIssue[] = [];
  if (!NODE_TYPE.test(cache.nodeType)) {
    issues.push(
      issue(
        path('nodeType'),
        `'${cache.nodeType}' is not an ElastiCache node type`,
        "write cache.<family>.<size>, e.g. 'cache.t4g.micro' or 'cache.r7g.large'",
      ),
    );
  }
  if (!VALKEY_VERSION.test(cache.engineVersion)) {
    issues.push(
      issue(
        path('engineVersion'),
        `'${cache.engineVersion}' is not a Valkey version ElastiCache runs`,
        "use '8.0' (the default), '8.1' or '7.2'",
      ),
    );
  }
  if (!Number.isInteger(cache.nodes) || cache.nodes < 1 || cache.nodes > MAX_NODES) {
    issues.push(
      issue(
        path('nodes'),
        `${cache.nodes} nodes is outside 1–${MAX_NODES} (a primary and up to five replicas)`,
        `set nodes between 1 and ${MAX_NODES}`,
      ),
    );
  } else if (env.production && cache.nodes < 2) {
    issues.push(
      issue(
        path('nodes'),
        `${describeEnvironment(env)} runs the cache on one node, with no replica to fail over to`,
        'remove nodes (production defaults to 2, Multi-AZ with automatic failover) or set it to 2 or more',
      ),
    );
  }
  const days = cache.snapshotRetentionDays;
  if (!Number.isInteger(days) || days < 0 || days > MAX_SNAPSHOT_DAYS) {
    issues.push(
      issue(
        path('snapshotRetentionDays'),
        `${days} days is outside ElastiCache's 0–${MAX_SNAPSHOT_DAYS}`,
        `set snapshotRetentionDays between 0 and ${MAX_SNAPSHOT_DAYS}`,
      ),
    );
  } else if (env.production && days < 1) {
    issues.push(
      issue(
        path('snapshotRetentionDays'),
        `${describeEnvironment(env)} would keep no snapshot of the cache`,
        'remove snapshotRetentionDays (production defaults to 7) or set it to 1 or more',
      ),
    );
  }
  return issues;
}
