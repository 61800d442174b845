import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { fromPlan } from '../../src/report/read-plan.js';
import { buildReportData } from '../../src/report/report-data.js';
import { renderReportPage } from '../../src/report/page/page.js';
import { openInChromium, type OpenedPage } from '../support/chromium.js';
import { plansOnce } from '../support/plans-once.js';
import { httpApiShop } from '../fixtures/http-api-shop.js';

const model = resolveConfig(httpApiShop(true));
const planOf = plansOnce(() => model);

describe('the report of an environment on the HTTP API, opened in Chromium', () => {
  let opened: OpenedPage;

  beforeAll(async () => {
    const html = renderReportPage(await buildReportData({ plan: fromPlan(planOf(undefined)), model }));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'slipway-report-')), 'http-api.html');
    writeFileSync(file, html);
    opened = await openInChromium(file);
  });
  afterAll(async () => opened?.close());

  it('draws the HTTP API in its own kind, routing through the VPC link into each public service, and explains it in the legend', async () => {
    expect(opened.errors).toEqual([]);
    const drawn = await opened.page.evaluate(() => {
      const section = document.querySelector('section[data-section="env0"]');
      const kindOf = (id: string | null) =>
        [...(section?.querySelectorAll('[data-node-id]') ?? [])]
          .find((n) => n.getAttribute('data-node-id') === id)
          ?.getAttribute('class')
          ?.match(/kind-([\w-]+)/)?.[1];
      const routesFrom = (id: string | null | undefined) =>
        [...(section?.querySelectorAll('g.edge.kind-route') ?? [])]
          .filter((e) => e.getAttribute('data-from') === id)
          .map((e) => e.getAttribute('data-to'));
      const apis = [...(section?.querySelectorAll('.node.kind-http-api') ?? [])].map((n) =>
        n.getAttribute('data-node-id'),
      );
      const links = routesFrom(apis[0]);
      return {
        apis,
        links: links.map(kindOf),
        services: routesFrom(links[0]).map(kindOf),
        legend: document.querySelector('svg.diagram-legend')?.textContent ?? '',
      };
    });
    const publicServices = Object.values(model.environments[0]!.services).filter((s) => s.public);
    expect(drawn.apis).toHaveLength(1);
    expect(drawn.links).toEqual(['vpc-link']);
    expect(drawn.services).toEqual(publicServices.map(() => 'service'));
    expect(drawn.legend).toContain('HTTP API');
    expect(drawn.legend).toContain('VPC link');
  });
});
