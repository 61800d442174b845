import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { AppModel } from '../../src/model/types.js';
import { previewHourlyCost, renderedTemplate } from '../../src/preview/preview-cost.js';
import { planPreview } from '../../src/preview/preview-plan.js';
import { buildPreviewApp } from '../../src/stacks/build-app.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { forDrawnConfigs } from '../generated/drawn-runs.js';
import { exampleModel } from '../workflows/fixtures.js';

const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-preview-cost-test-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** What synth adds around the rendered resources, none of it priced: tags from aspects, order. */
function withoutSynthAdditions(resource: CfnResource): unknown {
  const {
    Metadata: _metadata,
    DependsOn: _dependsOn,
    ...rest
  } = resource as CfnResource & {
    Metadata?: unknown;
    DependsOn?: unknown;
  };
  const { Tags: _tags, ...properties } = rest.Properties ?? {};
  return { ...rest, Properties: properties };
}

/**
 * The preview price renders the preview stack without synthesizing it: sound only while the
 * rendered resources are the synthesized ones, and price the same.
 */
function expectRenderedAsSynthesized(model: AppModel): void {
  const plan = planPreview(model, { branch: 'feat/example', now: new Date(0) });
  const rendered = renderedTemplate(buildPreviewApp(model, plan, { outdir }).stacks[0]!.stack);
  const synthesized = buildPreviewApp(model, plan, { outdir }).app.synth().getStackByName(plan.stackName)
    .template as CfnTemplate;

  const renderedIds = Object.keys(rendered.Resources ?? {}).sort();
  expect(renderedIds).toEqual(Object.keys(synthesized.Resources ?? {}).sort());
  for (const id of renderedIds) {
    expect(withoutSynthAdditions(rendered.Resources![id]!), id).toEqual(
      withoutSynthAdditions(synthesized.Resources![id]!),
    );
  }
  expect(rendered.Outputs).toEqual(synthesized.Outputs);
  const price = previewHourlyCost(plan, rendered);
  expect(price).not.toBeNull();
  expect(price).toBe(previewHourlyCost(plan, synthesized));
}

describe('the preview price’s template', () => {
  it.each(['medications', 'megadolls'])('is the synthesized preview of examples/%s', async (example) => {
    const model = await exampleModel(example);
    expect(model.delivery?.preview).toBeTruthy();
    expectRenderedAsSynthesized(model);
  });

  it('is the synthesized preview of every drawn config with previews', () => {
    let checked = 0;
    forDrawnConfigs({ count: 10, wideRuns: 50 }, (config) => {
      const model = resolveConfig(config);
      if (!model.delivery?.preview) return;
      expectRenderedAsSynthesized(model);
      checked += 1;
    });
    expect(checked).toBeGreaterThan(0);
  });
});
