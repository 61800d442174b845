import type { PricedIngressAlternative } from '../../cost/ingress-alternative.js';
import { formatMonthly } from '../../cost/format.js';
import { breakdown } from '../../cost/ingress-alternative-summary.js';
import { INGRESS_NAMES } from '../../model/ingress.js';
import type { PlanOutcome } from '../../plan/run-plan.js';
import { cell } from './markdown-text.js';

/**
 * Under the cost against the base branch, one line per environment whose other ingress was
 * priced, so a reviewer weighing a cost sees what the ingress choice is worth:
 * `dev: HTTP API — a load balancer would cost ≈ $28.57/month more (≈ $29.57: hours $16.43, …)`.
 * An environment that needs the load balancer, production on it, and a plan written before the
 * comparison existed have no priced alternative and no line.
 */
export function ingressAlternativeLines(plan: PlanOutcome): string[] {
  const lines = plan.environments.flatMap((env) => {
    const alternative = env.ingressAlternative;
    if (alternative === undefined || !('usdPerMonth' in alternative)) return [];
    const current = alternative.ingress === 'load-balancer' ? 'http-api' : 'load-balancer';
    return [`- ${cell(env.name)}: ${INGRESS_NAMES[current]} — ${comparison(alternative)}`];
  });
  if (lines.length === 0) return [];
  return [
    "Each environment's ingress against the other (the ingress alone; access logs and alarms differ too):",
    '',
    ...lines,
    '',
  ];
}

/** What the other ingress would cost against this one, then its own total and parts. */
function comparison(alternative: PricedIngressAlternative): string {
  // The saving is the load balancer's cost minus the HTTP API's, whichever the environment has.
  const saving = alternative.savingUsdPerMonth;
  const difference = formatMonthly(Math.abs(saving), alternative.savingUnverified.length);
  const total = formatMonthly(alternative.usdPerMonth, alternative.unverified.length);
  const dearer = alternative.ingress === 'load-balancer' ? saving >= 0 : saving < 0;
  const other = alternative.ingress === 'load-balancer' ? 'a load balancer' : 'an HTTP API';
  return `${other} would cost ${difference}/month ${dearer ? 'more' : 'less'} (${total}: ${breakdown(alternative)})`;
}
