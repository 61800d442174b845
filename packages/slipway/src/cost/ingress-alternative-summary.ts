import { groupNeeds, type LoadBalancerNeed } from '../model/ingress.js';
import { formatMonthly, formatUsd } from './format.js';
import type { IngressAlternative, PricedIngressAlternative } from './ingress-alternative.js';

/**
 * What the other ingress would cost, in one line for `slipway cost`, `slipway plan` and the report:
 * `http-api saves $28.57/month against a load balancer ($29.57: hours $16.43, capacity units
 * $5.84, 2 public IPv4 $7.30)`, or, on the load balancer, what an HTTP API would save or what
 * rules it out. `≈` marks figures that rest on unverified prices, as the totals do.
 */
export function ingressAlternativeSummary(alternative: IngressAlternative): string {
  if (!('usdPerMonth' in alternative)) {
    return `load balancer needed, no HTTP API: ${needGroups(alternative.needsLoadBalancer).join('; ')}`;
  }
  const saving = formatMonthly(Math.abs(alternative.savingUsdPerMonth), alternative.savingUnverified.length);
  const total = formatMonthly(alternative.usdPerMonth, alternative.unverified.length);
  const parts = `(${total}: ${breakdown(alternative)})`;
  const cheaper = alternative.savingUsdPerMonth >= 0;
  if (alternative.ingress === 'load-balancer') {
    return cheaper
      ? `http-api saves ${saving}/month against a load balancer ${parts}`
      : `http-api costs ${saving}/month more than a load balancer ${parts}`;
  }
  return cheaper
    ? `an HTTP API would save ${saving}/month against this load balancer ${parts}`
    : `an HTTP API would cost ${saving}/month more than this load balancer ${parts}`;
}

/** `hours $16.43, capacity units $5.84, 2 public IPv4 $7.30`: the parts of the other ingress. */
export function breakdown(alternative: PricedIngressAlternative): string {
  return alternative.lines.map((line) => `${line.part} ${formatUsd(line.usd)}`).join(', ');
}

/** `pgadmin: stickySessions, allowedCidrs`, then the environment's own: `edge`, `region`, `EKS`. */
export function needGroups(needs: readonly LoadBalancerNeed[]): string[] {
  const { services, environment } = groupNeeds(needs, (field) => (field === 'runtime' ? 'EKS' : field));
  return [...services.map(([service, fields]) => `${service}: ${fields.join(', ')}`), ...environment];
}
