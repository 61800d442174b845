/**
 * An environment's edge: a CloudFront distribution in front of its internal load balancer, reached
 * through a VPC origin, with optional AWS WAF. Pure data, like the rest of the model.
 */

/** Where an edge's stack goes: a CLOUDFRONT-scope web ACL, its certificate and its log delivery source must be here. */
export const EDGE_REGION = 'us-east-1';

/** AWS managed rule groups by Slipway's short name (the AWS name is in `stacks/edge/web-acl.ts`). */
export type WafRuleGroup =
  'common' | 'known-bad-inputs' | 'ip-reputation' | 'anonymous-ip' | 'sql-injection' | 'linux' | 'unix';

export type EdgePriceClass = 'PriceClass_100' | 'PriceClass_200' | 'PriceClass_All';

export interface EdgeModel {
  /** Edge locations that serve the distribution. */
  readonly priceClass: EdgePriceClass;
  /** The viewers' host name and its us-east-1 certificate; absent serves `*.cloudfront.net`. */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
  /** The web ACL on the distribution, when the environment asks for one. */
  readonly waf?: WafModel;
  /** Path patterns CloudFront caches, in config order; everything else passes through uncached. */
  readonly cachedPaths: readonly CachedPathModel[];
}

export interface WafModel {
  readonly managedRules: readonly WafRuleGroup[];
  /** Requests per IP in 5 minutes before it is blocked; absent = no rate rule. */
  readonly rateLimit?: number;
}

export interface CachedPathModel {
  /** CloudFront path pattern, e.g. `/static/*`. */
  readonly pattern: string;
  readonly ttlSeconds: number;
}

/** The rule groups a `waf: true` (or a WAF without `managedRules`) turns on. */
export const DEFAULT_WAF_RULES: readonly WafRuleGroup[] = ['common', 'known-bad-inputs', 'ip-reputation'];

/** Requests per IP in 5 minutes a WAF without `rateLimit` allows. */
export const DEFAULT_WAF_RATE_LIMIT = 2000;
