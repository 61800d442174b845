/** @jsxRuntime automatic */
/** @jsxImportSource preact */
import { ingressAlternativeSummary } from '../../cost/ingress-alternative-summary.js';
import { formatUsd } from '../../cost/format.js';
import { INGRESS_NAMES } from '../../model/ingress.js';
import type { EnvironmentPlan } from '../../plan/types.js';

/**
 * Under an environment's cost lines: which ingress serves it and why, then what the other would
 * cost, part by part with each figure's basis, or what needs the load balancer and why. The
 * sentence is the one `slipway plan` and `slipway cost` print. Nothing for a plan written before
 * the ingress was planned, and nothing when no service is public.
 */
export function IngressCost({ env }: { env: EnvironmentPlan }) {
  const { ingress, ingressAlternative: alternative } = env;
  if (ingress === undefined || ingress.kind === 'none') return null;
  // A ruled-out alternative only repeats the needs, listed below with why each rules the HTTP API out.
  const priced = alternative !== undefined && 'usdPerMonth' in alternative ? alternative : undefined;
  return (
    <div class="ingress" data-ingress={ingress.kind}>
      <div>
        Ingress: <strong>{INGRESS_NAMES[ingress.kind]}</strong> <span class="muted">{ingress.reason}</span>
      </div>
      {priced !== undefined && <div class="ingress-alternative">{ingressAlternativeSummary(priced)}</div>}
      {priced !== undefined && (
        <table class="cost-items ingress-lines">
          <tbody>
            {priced.lines.map((line) => (
              <tr class={/unverified/.test(line.basis) ? 'unverified' : undefined}>
                <td class="num">{formatUsd(line.usd)}</td>
                <td>
                  <div>
                    {line.part} <span class="muted">{line.type}</span>
                  </div>
                  <div class="basis">{line.basis}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ingress.needsLoadBalancer.length > 0 && (
        <div class="ingress-needs">
          An HTTP API cannot serve it:
          <ul>
            {ingress.needsLoadBalancer.map((need) => (
              <li>
                {need.service === undefined ? 'the environment' : need.service}: <code>{need.field}</code>,{' '}
                {need.why}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
