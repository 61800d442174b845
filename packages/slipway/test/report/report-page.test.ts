import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ingressAlternativeSummary } from '../../src/cost/ingress-alternative-summary.js';
import { formatUsd } from '../../src/cost/format.js';
import type { AppModel } from '../../src/model/types.js';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { planDiff } from '../../src/report/plan-diff.js';
import { fromPlan, readPlanFile } from '../../src/report/read-plan.js';
import { buildReportData, type ReportData } from '../../src/report/report-data.js';
import { ReportDrawings } from '../../src/report/report-drawings.js';
import { renderReportPage } from '../../src/report/page/page.js';
import type { CfnTemplate } from '../../src/template/types.js';
import { openInChromium, type OpenedPage } from '../support/chromium.js';
import { plansOnce } from '../support/plans-once.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const EXAMPLES = ['megadolls', 'medications'] as const;
type Example = (typeof EXAMPLES)[number];

/** What a reviewer must find drawn: every service, database, load balancer and HTTP API the plan creates. */
const MUST_BE_DRAWN = new Set([
  'AWS::ECS::Service',
  'AWS::RDS::DBInstance',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ApiGatewayV2::Api',
]);

const models = new Map<Example, AppModel>();
const configPathOf = (example: Example) => `examples/${example}/slipway.config.ts`;
/** As `plan --html` draws: the delivery graph asked for before the plan, the environments during it. */
const drawingsOf = new Map<Example, ReportDrawings>();
const planOf = plansOnce(
  (example: Example) => models.get(example)!,
  (example) => {
    const drawings = new ReportDrawings(models.get(example), configPathOf(example));
    drawingsOf.set(example, drawings);
    return { onTemplates: drawings.templatesReady };
  },
);
const work = mkdtempSync(path.join(tmpdir(), 'slipway-report-'));

describe.each(EXAMPLES)('the report of examples/%s, opened in Chromium', (example) => {
  let plan: PlanOutcome;
  let data: ReportData;
  let html: string;
  let opened: OpenedPage;

  beforeAll(async () => {
    models.set(example, await loadConfig(path.join(root, 'examples', example, 'slipway.config.ts')));
    plan = planOf(example);
    data = await buildReportData({
      plan: fromPlan(plan),
      model: models.get(example),
      configPath: configPathOf(example),
      drawings: drawingsOf.get(example),
    });
    html = renderReportPage(data);
    const file = path.join(work, `${example}.html`);
    writeFileSync(file, html);
    opened = await openInChromium(file);
  });
  afterAll(async () => opened?.close());

  it('loads offline without a console error, an exception or a request off the file', () => {
    expect(opened.errors).toEqual([]);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
  });

  it('draws every service, database, load balancer and HTTP API of each environment in that environment', async () => {
    for (const [position, env] of plan.environments.entries()) {
      const drawn = await opened.page.$$eval(
        `section[data-section="env${position}"] [data-node-id]`,
        (nodes) => nodes.map((n) => n.getAttribute('data-node-id')),
      );
      const nodeOfResource = new Map(
        data.environments[position]!.diagram.nodes.flatMap((node) =>
          node.resources.map((r): [string, string] => [`${r.stack}/${r.logicalId}`, node.id]),
        ),
      );
      const expected = env.stacks.flatMap((stack) => {
        const template = JSON.parse(readFileSync(stack.template, 'utf8')) as CfnTemplate;
        return Object.entries(template.Resources ?? {})
          .filter(([, r]) => MUST_BE_DRAWN.has(r.Type))
          .map(([id]) => `${stack.name}/${id}`);
      });
      expect(expected.length).toBeGreaterThan(0);
      for (const resource of expected) {
        const node = nodeOfResource.get(resource);
        expect(node, `${resource} has no node`).toBeDefined();
        expect(drawn, `${resource} is not drawn in ${env.name}`).toContain(node);
      }
    }
  });

  it('shows each environment cost as the plan has it, in the table and the chart', async () => {
    const chartText = await opened.page.$eval('#cost .chart svg', (svg) => svg.textContent ?? '');
    for (const env of plan.environments) {
      expect(env.monthlyCostUsd).not.toBeNull();
      const cell = await opened.page.$eval(
        `table.summary tr:has(a[href="#env-${env.name}"]) td[data-cost]`,
        (td) => Number(td.getAttribute('data-cost')),
      );
      expect(cell).toBe(env.monthlyCostUsd);
      expect(chartText).toContain(formatUsd(env.monthlyCostUsd!));
      // The biggest line, named by its stack (without the app and environment) and logical id:
      // services' resources share logical ids, so the stack is what tells them apart.
      const top = [...env.costItems].sort((a, b) => b.usd - a.usd)[0]!;
      const firstLine = await opened.page.$eval(
        `#cost .cost-env[data-environment="${env.name}"] table.cost-items tr`,
        (tr) => tr.textContent ?? '',
      );
      expect(firstLine).toContain(`${top.stack.slice(`${plan.app}-${env.name}-`.length)}/${top.resource}`);
      expect(firstLine).toContain(formatUsd(top.usd));
    }
  });

  it('says under each environment cost which ingress serves it, what the other would cost, or what needs the load balancer', async () => {
    const served = plan.environments.filter(
      (env) => env.ingress !== undefined && env.ingress.kind !== 'none',
    );
    expect(served.length).toBeGreaterThan(0);
    for (const env of served) {
      const shown = await opened.page.$eval(
        `#cost .cost-env[data-environment="${env.name}"] .ingress`,
        (div) => ({
          kind: div.getAttribute('data-ingress'),
          text: div.textContent ?? '',
          lines: [...div.querySelectorAll('table.ingress-lines tr')].map((tr) => tr.textContent ?? ''),
          needs: [...div.querySelectorAll('.ingress-needs li')].map((li) => li.textContent ?? ''),
        }),
      );
      expect(shown.kind).toBe(env.ingress!.kind);
      expect(shown.text).toContain(env.ingress!.reason);
      const alternative = env.ingressAlternative;
      if (alternative !== undefined && 'usdPerMonth' in alternative) {
        expect(shown.text).toContain(ingressAlternativeSummary(alternative));
        expect(shown.lines).toEqual(
          alternative.lines.map((line) => expect.stringContaining(`${formatUsd(line.usd)}${line.part}`)),
        );
      }
      expect(shown.needs).toEqual(
        env.ingress!.needsLoadBalancer.map((need) => expect.stringContaining(`${need.field}, ${need.why}`)),
      );
    }
  });

  it('lists each environment finding once, the acknowledged ones with their reason', async () => {
    for (const [position, env] of plan.environments.entries()) {
      const rows = await opened.page.$$eval(`section[data-section="env${position}"] tr.finding`, (trs) =>
        trs.map((tr) => ({
          rule: tr.querySelector('code')?.textContent,
          reason: tr.querySelector('.reason')?.textContent ?? null,
        })),
      );
      expect(rows.map((r) => r.rule).sort()).toEqual(env.findings.map((f) => f.rule).sort());
      const acknowledged = env.findings.filter((f) => f.acknowledged);
      expect(rows.filter((r) => r.reason !== null)).toHaveLength(acknowledged.length);
    }
  });

  it('takes a reader from a finding to the box of the resource it concerns', async () => {
    const linked = data.environments.flatMap((env, position) =>
      env.findings.filter((f) => f.node !== undefined).map((f) => ({ position, node: f.node! })),
    );
    expect(linked.length).toBeGreaterThan(0);
    const { position, node } = linked[0]!;
    const focused = await opened.page.evaluate(
      (section, id) => {
        const row = document.querySelector<HTMLElement>(
          `section[data-section="${section}"] tr.finding[data-node="${id}"]`,
        );
        row?.click();
        const found = [...document.querySelectorAll('.focused')];
        // The screenshot after this test shows the page as it opens.
        found.forEach((el) => el.classList.remove('focused'));
        return found.map((el) => el.getAttribute('data-node-id'));
      },
      `env${position}`,
      node,
    );
    expect(focused).toEqual([node]);
  });

  it('shows the delivery graph with every generated job', async () => {
    const jobs = await opened.page.$$eval('#delivery [data-node-id]', (nodes) => nodes.length);
    expect(data.delivery).toBeDefined();
    expect(jobs).toBeGreaterThanOrEqual(data.delivery!.diagram.nodes.filter((n) => n.kind === 'job').length);
  });

  it('drew every environment while planning, before the report asked', () => {
    for (const env of plan.environments) {
      const drawn = drawingsOf.get(example)!.environment(env.name, env.region, () => {
        throw new Error(`${env.name} was not drawn during the plan`);
      });
      expect(drawn.diagram.title).toContain(env.name);
    }
  });

  it('gives the same page for the same plan, drawn from the plan alone after it', async () => {
    const again = renderReportPage(
      await buildReportData({
        plan: fromPlan(plan),
        model: models.get(example),
        configPath: configPathOf(example),
      }),
    );
    expect(again).toBe(html);
  });

  it('writes the screenshot the README shows', async () => {
    const images = path.join(root, 'docs', 'images');
    mkdirSync(images, { recursive: true });
    const shot = await opened.page.screenshot({ fullPage: false, type: 'png' });
    expect(shot.byteLength).toBeGreaterThan(10_000);
    writeFileSync(path.join(images, `report-${example}.png`), shot);
  });
});

describe('a report compared with an earlier plan', () => {
  it('colours the changed nodes and lists the changed resources, stateful replacements first', async () => {
    const plan = planOf('medications');
    // The earlier plan: a copy of this one whose production database had another identifier, so
    // this plan replaces the database (a name change forces a new instance).
    const base = path.join(work, 'base');
    mkdirSync(base, { recursive: true });
    const json = {
      ...plan,
      environments: plan.environments.map((e) => ({
        ...e,
        stacks: e.stacks.map((s) => ({ ...s, template: path.basename(s.template) })),
      })),
      shared: {
        ...plan.shared,
        stacks: plan.shared.stacks.map((s) => ({ ...s, template: path.basename(s.template) })),
      },
    };
    for (const stack of [...plan.shared.stacks, ...plan.environments.flatMap((e) => e.stacks)]) {
      cpSync(stack.template, path.join(base, path.basename(stack.template)));
    }
    const prod = plan.environments.find((e) => e.production)!;
    const dataStack = prod.stacks.find((s) => s.name.endsWith('-data'))!;
    const dataFile = path.join(base, path.basename(dataStack.template));
    const template = JSON.parse(readFileSync(dataFile, 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const [dbId, db] = Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::RDS::DBInstance')!;
    db.Properties.DBInstanceIdentifier = 'an-older-name';
    writeFileSync(dataFile, JSON.stringify(template));
    writeFileSync(path.join(base, 'plan.json'), JSON.stringify(json));

    const diff = planDiff(readPlanFile(path.join(base, 'plan.json')), fromPlan(plan));
    const data = await buildReportData({
      plan: fromPlan(plan),
      changes: {
        against: 'an earlier plan',
        environments: new Map(diff.map((e) => [e.environment, e.stacks])),
      },
    });
    const section = data.environments.find((e) => e.plan.name === prod.name)!;
    expect(section.changes?.[0]).toMatchObject({ logicalId: dbId, action: 'replace', stateful: true });
    const file = path.join(work, 'compared.html');
    writeFileSync(file, renderReportPage(data));
    const opened = await openInChromium(file);
    try {
      expect(opened.errors).toEqual([]);
      const position = data.environments.indexOf(section);
      const replaced = await opened.page.$$eval(
        `section[data-section="env${position}"] .change-replaced[data-node-id]`,
        (nodes) => nodes.map((n) => n.getAttribute('data-node-id')),
      );
      expect(replaced).toContain(section.changes![0]!.node);
      const alert = await opened.page.$eval(
        `section[data-section="env${position}"] .alert`,
        (p) => p.textContent,
      );
      expect(alert).toContain(dbId);
    } finally {
      await opened.close();
    }
  });
});
