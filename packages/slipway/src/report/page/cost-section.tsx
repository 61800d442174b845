/** @jsxRuntime automatic */
/** @jsxImportSource preact */
import { formatMonthly, formatUsd } from '../../cost/format.js';
import { HOURS_PER_MONTH } from '../../preview/preview-cost.js';
import type { EnvironmentPlan } from '../../plan/types.js';
import type { ReportData } from '../report-data.js';
import { IngressCost } from './ingress-cost.js';

const TOP_ITEMS = 8;

/**
 * Where the money goes: the chart of every environment by category, then per environment the
 * biggest lines with how each was reached, its ingress against the other, what was left out, and
 * the usage the figures assume.
 */
export function CostSection({ data }: { data: ReportData }) {
  return (
    <section id="cost">
      <h2>Monthly cost</h2>
      <div class="chart" dangerouslySetInnerHTML={{ __html: data.costChartSvg }} />
      <p class="muted">
        ≈ marks a total with derived or assumed prices in it; the lines below say which (unverified). Shared
        (CI) stacks: {formatMonthly(data.shared.monthlyCostUsd)} / month.
      </p>
      {data.preview && (
        <p>
          A preview (one per branch, inside {data.preview.environment}):{' '}
          <strong>
            {data.preview.usdPerHour === null
              ? 'not priced'
              : `${formatUsd(data.preview.usdPerHour, 4)} / hour`}
          </strong>
          {data.preview.usdPerHour !== null &&
            `, ${formatUsd(data.preview.usdPerHour * HOURS_PER_MONTH)} if left running a month`}
          . {data.preview.basis}.
        </p>
      )}
      <div class="cost-columns">
        {data.environments.map(({ plan }) => (
          <TopItems env={plan} stackPrefix={`${data.app}-${plan.name}-`} />
        ))}
      </div>
      {data.usage.length > 0 && (
        <details>
          <summary>The usage behind the figures</summary>
          <table>
            <thead>
              <tr>
                <th>assumption</th>
                <th class="num">value</th>
                <th>why</th>
              </tr>
            </thead>
            <tbody>
              {data.usage.map((u) => (
                <tr>
                  <td>{u.name}</td>
                  <td class="num">
                    {u.value} {u.unit}
                  </td>
                  <td>{u.why ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

/** Each line names its stack without the `<app>-<env>-` every stack shares: services' resources share logical ids. */
function TopItems({ env, stackPrefix }: { env: EnvironmentPlan; stackPrefix: string }) {
  const top = [...env.costItems].sort((a, b) => b.usd - a.usd).slice(0, TOP_ITEMS);
  return (
    <div class="cost-env" data-environment={env.name}>
      <h3>
        {env.name} <span class="cost">{formatMonthly(env.monthlyCostUsd, env.unverifiedFigures)}</span>
      </h3>
      {top.length > 0 && (
        <table class="cost-items">
          <tbody>
            {top.map((item) => (
              <tr class={/unverified/.test(item.basis) ? 'unverified' : undefined}>
                <td class="num">{formatUsd(item.usd)}</td>
                <td>
                  <div>
                    <span class="muted">
                      {item.stack.startsWith(stackPrefix) ? item.stack.slice(stackPrefix.length) : item.stack}
                      /
                    </span>
                    {item.resource} <span class="muted">{item.driver ?? item.type}</span>
                  </div>
                  <div class="basis">{item.basis}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <IngressCost env={env} />
      {env.unpriced.length > 0 && (
        <ul class="unpriced">
          {env.unpriced.map((u) => (
            <li>
              Not in the total: {u.resource ?? 'the environment'}: {u.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
