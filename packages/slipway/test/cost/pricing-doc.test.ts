import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPriceTables, withGeneratedTables } from '../../src/cost/prices/pricing-doc.js';

const DOC = fileURLToPath(new URL('../../../../docs/pricing.md', import.meta.url));

describe('docs/pricing.md', () => {
  it('shows the same figures as the code', () => {
    // After editing a price, regenerate with:
    // UPDATE_PRICING_DOC=1 npx vitest run packages/slipway/test/cost/pricing-doc.test.ts
    if (process.env.UPDATE_PRICING_DOC === '1') {
      writeFileSync(DOC, withGeneratedTables(readFileSync(DOC, 'utf8'), renderPriceTables()));
    }
    const doc = readFileSync(DOC, 'utf8');
    expect(doc, 'docs/pricing.md is out of date: regenerate it (see this test)').toBe(
      withGeneratedTables(doc, renderPriceTables()),
    );
  });

  it('replaces only what lies between the markers', () => {
    const doc =
      'intro\n<!-- generated price tables: start -->\nold\n<!-- generated price tables: end -->\noutro\n';
    expect(withGeneratedTables(doc, 'new')).toBe(
      'intro\n<!-- generated price tables: start -->\nnew\n<!-- generated price tables: end -->\noutro\n',
    );
  });
});
