import type { CacheModel } from '../../model/types.js';
import type { CacheConfig } from '../schema.js';
import { CACHE_DEFAULTS, stageDefaults } from './defaults.js';

/**
 * One cache in one environment: override, then top-level declaration, then the defaults of the
 * environment's stage.
 */
export function resolveCache(
  name: string,
  cache: CacheConfig,
  override: CacheConfig | undefined,
  production: boolean,
): CacheModel {
  const stage = stageDefaults(production);
  const o = override ?? {};
  return {
    name,
    nodeType: o.nodeType ?? cache.nodeType ?? CACHE_DEFAULTS.nodeType,
    engineVersion: o.engineVersion ?? cache.engineVersion ?? CACHE_DEFAULTS.engineVersion,
    nodes: o.nodes ?? cache.nodes ?? stage.cacheNodes,
    snapshotRetentionDays:
      o.snapshotRetentionDays ?? cache.snapshotRetentionDays ?? stage.cacheSnapshotRetentionDays,
  };
}
