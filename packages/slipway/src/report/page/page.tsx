/** @jsxRuntime automatic */
/** @jsxImportSource preact */
import { renderToStaticMarkup } from 'preact-render-to-string';
import { formatMonthly } from '../../cost/format.js';
import type { ReportData } from '../report-data.js';
import { CostSection } from './cost-section.js';
import { DeliverySection } from './delivery-section.js';
import { EnvironmentView } from './environment-section.js';
import { FINDING_LINKS_SCRIPT } from './finding-links.js';
import { PAGE_STYLE } from './style.js';
import { openCount } from './findings-table.js';

/**
 * The report as one HTML document: styles and the little script it has are inline and the
 * diagrams and chart are SVG already, so the file opens offline, as a CI artifact or an e-mail
 * attachment. The same data gives the same bytes (no clock, no random ids).
 */
export function renderReportPage(data: ReportData): string {
  return `<!doctype html>\n${renderToStaticMarkup(<Page data={data} />)}\n`;
}

function Page({ data }: { data: ReportData }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${data.app} · Slipway plan`}</title>
        <style dangerouslySetInnerHTML={{ __html: PAGE_STYLE }} />
      </head>
      <body>
        <header>
          <h1>
            {data.app} <span class="muted">· plan</span>
          </h1>
          {data.changesAgainst !== undefined && <p class="muted">Changes against {data.changesAgainst}.</p>}
          <Summary data={data} />
          <nav>
            {data.environments.map((env) => (
              <a href={`#env-${env.plan.name}`}>{env.plan.name}</a>
            ))}
            <a href="#cost">cost</a>
            {data.delivery && <a href="#delivery">delivery</a>}
          </nav>
          <details class="legend">
            <summary>How to read the diagrams</summary>
            <p class="muted">
              Drawn from the synthesized templates: what a deploy would create. Click a diagram to see it at
              full size; hover a box for the resources it stands for; click a finding or a change to find its
              box.
            </p>
            <div dangerouslySetInnerHTML={{ __html: data.legendSvg }} />
          </details>
        </header>
        <main>
          {data.environments.map((env, position) => (
            <EnvironmentView env={env} position={position} />
          ))}
          <CostSection data={data} />
          {data.delivery && <DeliverySection svg={data.delivery.svg} diagram={data.delivery.diagram} />}
        </main>
        <script dangerouslySetInnerHTML={{ __html: FINDING_LINKS_SCRIPT }} />
      </body>
    </html>
  );
}

/** One row per environment: where, how big, what it costs, what is open, what changes. */
function Summary({ data }: { data: ReportData }) {
  const compared = data.changesAgainst !== undefined;
  return (
    <table class="summary">
      <thead>
        <tr>
          <th>environment</th>
          <th>region</th>
          <th class="num">stacks</th>
          <th class="num">resources</th>
          <th class="num">$ / month</th>
          <th class="num">open errors</th>
          <th class="num">open warnings</th>
          <th class="num">acknowledged</th>
          {compared && <th class="num">changes</th>}
        </tr>
      </thead>
      <tbody>
        {data.environments.map(({ plan, findings, changes }) => (
          <tr>
            <td>
              <a href={`#env-${plan.name}`}>{plan.name}</a>
              {plan.production && <span class="tag">production</span>}
            </td>
            <td>{plan.region}</td>
            <td class="num">{plan.stacks.length}</td>
            <td class="num">{plan.stacks.reduce((sum, s) => sum + s.resources, 0)}</td>
            <td class="num" data-cost={plan.monthlyCostUsd ?? ''}>
              {formatMonthly(plan.monthlyCostUsd, plan.unverifiedFigures)}
            </td>
            <td class="num">{openCount(findings, 'error')}</td>
            <td class="num">{openCount(findings, 'warning')}</td>
            <td class="num">{findings.filter((f) => f.acknowledged).length}</td>
            {compared && <td class="num">{changes?.length ?? 0}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
