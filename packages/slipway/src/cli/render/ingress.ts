import { INGRESS_NAMES } from '../../model/ingress.js';
import { needGroups } from '../../cost/ingress-alternative-summary.js';
import type { EnvironmentPlan, IngressPlan } from '../../plan/types.js';

const KINDS: Readonly<Record<IngressPlan['kind'], string>> = { ...INGRESS_NAMES, none: 'none' };

/**
 * The plan's ingress line: what serves the public services and, in brackets, what decided it,
 * e.g. `load balancer (pgadmin: stickySessions, allowedCidrs; edge)`.
 */
export function ingressSummary(env: EnvironmentPlan): string | undefined {
  const ingress = env.ingress;
  if (ingress === undefined) return undefined;
  return `${KINDS[ingress.kind]} (${why(ingress, env.production)})`;
}

function why(ingress: IngressPlan, production: boolean): string {
  if (ingress.kind === 'none') return 'no public service';
  const origin = ingress.set ? ['set'] : [];
  if (ingress.needsLoadBalancer.length > 0)
    return [...origin, ...needGroups(ingress.needsLoadBalancer)].join('; ');
  if (ingress.set)
    return ingress.kind === 'http-api' ? 'set' : 'set; an HTTP API would also serve these services';
  if (ingress.kind === 'http-api') return 'default outside production: nothing needs the load balancer';
  return production ? 'production default' : 'default';
}
