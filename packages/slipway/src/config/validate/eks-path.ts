import { joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';

/**
 * Where an `eks` field was written: the environment's block when it sets the field, else the
 * app's. Within `datadog`, whose fields merge one by one, the field itself decides.
 */
export function eksPath(config: SlipwayConfig, env: string, ...field: (string | number)[]): string {
  const own = config.environments[env]?.eks as Record<string, unknown> | undefined;
  const [key, inner] = field;
  if (own !== undefined && typeof key === 'string' && own[key] !== undefined) {
    const block = own[key] as Record<string, unknown>;
    const fieldOfBlock = key === 'datadog' && typeof inner === 'string';
    if (!fieldOfBlock || block[inner] !== undefined) return joinPath('environments', env, 'eks', ...field);
  }
  return joinPath('eks', ...field);
}
