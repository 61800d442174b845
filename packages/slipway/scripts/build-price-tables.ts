/**
 * Builds the price-list figures of the bundled price tables from AWS Price List offer files:
 *
 *   node --import tsx packages/slipway/scripts/build-price-tables.ts --from <dir> [--out <file>]
 *
 * `<dir>` holds the regional offer files (any *.json under it); docs/pricing.md says how to
 * download them. The figures go to src/cost/prices/price-list-figures.ts unless --out names
 * another file; every table then prefers them to its hand-found figures. Regenerate
 * docs/pricing.md afterwards (see that page).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { extractFigures } from '../src/cost/prices/price-list/extract.js';
import { readOfferDirectory } from '../src/cost/prices/price-list/offer-directory.js';
import { FIGURES_MODULE, renderFiguresModule } from '../src/cost/prices/price-list/render.js';

const { values } = parseArgs({
  options: { from: { type: 'string' }, out: { type: 'string' } },
});
if (!values.from) {
  process.stderr.write('Usage: build-price-tables.ts --from <offer-file dir> [--out <file>]\n');
  process.exit(2);
}

const out = path.resolve(values.out ?? path.join(import.meta.dirname, '..', FIGURES_MODULE));
const offers = readOfferDirectory(path.resolve(values.from));
const figures = extractFigures(offers);
const options = { ...(await prettier.resolveConfig(out)), filepath: out };
writeFileSync(out, await prettier.format(renderFiguresModule(figures), options));

const regions = Object.entries(figures.regions);
process.stdout.write(
  `${offers.length} offer files read; ${regions.length} regions, ` +
    `${regions.reduce((n, [, r]) => n + Object.keys(r.prices).length + Object.keys(r.rdsInstanceHour).length, 0)} ` +
    `regional figures and ${Object.keys(figures.global).length} global ones written to ${out}\n`,
);
