import type { ServiceModel } from './types.js';

/**
 * Which public service the shared load balancer sends a request path to. The listener matches
 * rules from the lowest priority number up, and Slipway numbers them by specificity: services whose
 * paths have a longer literal prefix before any wildcard (`/pgadmin/*` before `/*`) come first,
 * ties in config order (the same ranking the service stacks give their listener rules).
 * Undefined when no rule matches: the listener's default answers 404.
 */
export function serviceAnswering(
  services: readonly Pick<ServiceModel, 'name' | 'public' | 'paths'>[],
  path: string,
): string | undefined {
  const ranked = services
    .filter((s) => s.public)
    .map((s, order) => ({ s, order, specificity: Math.min(...s.paths.map(literalPrefixLength)) }))
    .sort((a, b) => b.specificity - a.specificity || a.order - b.order);
  return ranked.find(({ s }) => s.paths.some((pattern) => pathPatternMatches(pattern, path)))?.s.name;
}

/** Characters before the first wildcard: `/pgadmin/*` → 9, `/*` → 1. */
export function literalPrefixLength(pattern: string): number {
  const wildcard = pattern.search(/[*?]/);
  return wildcard === -1 ? pattern.length : wildcard;
}

/**
 * An ALB path-pattern condition against a request path: case-sensitive, `*` any run of characters
 * (none included), `?` exactly one; the query string is not part of the path.
 */
export function pathPatternMatches(pattern: string, path: string): boolean {
  const source = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path.split('?')[0] ?? '');
}

/**
 * Whether an HTTP API route can stand for a load balancer path pattern: `/*`, a prefix ending in
 * `/*`, or an exact path (`service-http-routes.ts` turns them into route keys).
 */
export function routableOnHttpApi(pattern: string): boolean {
  const prefix = pattern.endsWith('/*') ? pattern.slice(0, -2) : pattern;
  return pattern === '/*' || !/[*?{}]/.test(prefix);
}
