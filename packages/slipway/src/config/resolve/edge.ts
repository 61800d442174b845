import {
  DEFAULT_WAF_RATE_LIMIT,
  DEFAULT_WAF_RULES,
  type EdgeModel,
  type WafModel,
} from '../../model/edge.js';
import type { EdgeConfig } from '../schema.js';

/** The environment's edge, or undefined when it has none (or `cloudfront: false`). */
export function resolveEdge(edge: EdgeConfig | undefined): EdgeModel | undefined {
  if (edge === undefined || !edge.cloudfront) return undefined;
  const waf = resolveWaf(edge.waf);
  return {
    priceClass: edge.priceClass ?? 'PriceClass_100',
    ...(edge.domain === undefined
      ? {}
      : { domain: { name: edge.domain.name, certificateArn: edge.domain.certificateArn } }),
    ...(waf === undefined ? {} : { waf }),
    cachedPaths: Object.entries(edge.cache ?? {}).map(([pattern, ttlSeconds]) => ({ pattern, ttlSeconds })),
  };
}

function resolveWaf(waf: EdgeConfig['waf']): WafModel | undefined {
  if (waf === undefined || waf === false) return undefined;
  const settings = waf === true ? {} : waf;
  const rateLimit = settings.rateLimit ?? DEFAULT_WAF_RATE_LIMIT;
  return {
    managedRules: [...(settings.managedRules ?? DEFAULT_WAF_RULES)],
    ...(rateLimit === 0 ? {} : { rateLimit }),
  };
}
