import type { LoadBalancerNeed } from '../../model/ingress.js';
import type { EnvironmentPlan, IngressPlan } from '../../plan/types.js';

const KINDS: Readonly<Record<IngressPlan['kind'], string>> = {
  'load-balancer': 'load balancer',
  'http-api': 'HTTP API',
  none: 'none',
};

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

/** `pgadmin: stickySessions, allowedCidrs`, then the environment's own: `edge`, `region`, `EKS`. */
export function needGroups(needs: readonly LoadBalancerNeed[]): string[] {
  const byService = new Map<string, string[]>();
  const environmentWide: string[] = [];
  for (const need of needs) {
    if (need.service === undefined) environmentWide.push(need.field === 'runtime' ? 'EKS' : need.field);
    else byService.set(need.service, [...(byService.get(need.service) ?? []), need.field]);
  }
  return [
    ...[...byService].map(([service, fields]) => `${service}: ${fields.join(', ')}`),
    ...environmentWide,
  ];
}
