import type { PriceKey } from '../types.js';
import type { PriceListFigure, PriceListFigures, PriceListRegion } from './figures.js';
import type { OfferFile, OfferProduct, PriceDimension } from './offer-file.js';
import { matchesRule, PRICE_RULES, type PriceRule, rdsInstanceClass } from './rules.js';

/** Offer files that give two different prices for one figure: the rules need narrowing. */
export class AmbiguousPriceError extends Error {
  override readonly name = 'AmbiguousPriceError';
}

interface MutableRegion {
  prices: Partial<Record<PriceKey, PriceListFigure>>;
  rdsInstanceHour: Record<string, PriceListFigure>;
}

/** Where a figure goes: a region code or `global`, and the figure's name. */
type Slot = { readonly region: string; readonly name: string };

/** Tier bounds come as strings; an untiered price starts at 0. */
function beginsAt(dimension: PriceDimension): number {
  return Number(dimension.beginRange ?? '0');
}

/**
 * The on-demand USD price of a product: the paid tier that begins at `tierBeginsAt`, or without it
 * the first paid tier (a free allowance is a $0 tier and the table prices usage beyond it);
 * undefined when it has none.
 */
function onDemandPrice(offer: OfferFile, sku: string, tierBeginsAt?: number): PriceDimension | undefined {
  const terms = Object.values(offer.terms.OnDemand?.[sku] ?? {});
  const paid = terms
    .flatMap((term) => Object.values(term.priceDimensions))
    .filter((dimension) => Number(dimension.pricePerUnit.USD ?? '0') > 0)
    .filter((dimension) => tierBeginsAt === undefined || beginsAt(dimension) === tierBeginsAt)
    .sort((a, b) => beginsAt(a) - beginsAt(b));
  return paid[0];
}

/** What a rule reads of a product's price: its tier, and the units one table unit holds. */
type Reading = Pick<PriceRule, 'tierBeginsAt' | 'unitsPerTableUnit'>;

function figureOf(
  offer: OfferFile,
  product: OfferProduct,
  reading: Reading = {},
): PriceListFigure | undefined {
  const dimension = onDemandPrice(offer, product.sku, reading.tierBeginsAt);
  if (!dimension) return undefined;
  const units = reading.unitsPerTableUnit ?? 1;
  const usd = Number(dimension.pricePerUnit.USD);
  return {
    // Twelve significant digits keep float noise (0.0000009 × 1e6) out of a scaled figure.
    usd: units === 1 ? usd : Number((usd * units).toPrecision(12)),
    unit: units === 1 ? dimension.unit : `${units.toLocaleString('en-US')} ${dimension.unit}`,
    ...(reading.tierBeginsAt ? { tierBeginsAt: reading.tierBeginsAt } : {}),
    offerCode: offer.offerCode,
    publicationDate: offer.publicationDate,
    sku: product.sku,
    usagetype: product.attributes.usagetype ?? '',
  };
}

/** Every candidate per slot, to settle once all files are read. */
class Candidates {
  private readonly bySlot = new Map<string, { slot: Slot; figures: PriceListFigure[] }>();

  add(slot: Slot, figure: PriceListFigure): void {
    const id = `${slot.region} ${slot.name}`;
    const entry = this.bySlot.get(id) ?? { slot, figures: [] };
    entry.figures.push(figure);
    this.bySlot.set(id, entry);
  }

  /** One figure per slot; the same price from several SKUs is one price (the lowest SKU is cited). */
  settle(): [Slot, PriceListFigure][] {
    return [...this.bySlot.values()].map(({ slot, figures }) => {
      const prices = new Set(figures.map((f) => f.usd));
      if (prices.size > 1) {
        const seen = figures.map((f) => `${f.usd} (${f.offerCode} ${f.usagetype}, SKU ${f.sku})`).join(', ');
        throw new AmbiguousPriceError(
          `${slot.name} in ${slot.region}: the offer files give ${prices.size} prices: ${seen}. ` +
            'Narrow the rule in packages/slipway/src/cost/prices/price-list/rules.ts.',
        );
      }
      const cited = [...figures].sort((a, b) => a.sku.localeCompare(b.sku))[0]!;
      return [slot, cited];
    });
  }
}

/**
 * The figures of the table that the offer files give, by region. Products no rule names are
 * skipped; a figure with two different prices in one region throws `AmbiguousPriceError`.
 */
export function extractFigures(offers: readonly OfferFile[]): PriceListFigures {
  const candidates = new Candidates();
  for (const offer of offers) {
    const rules = PRICE_RULES.filter((rule) => rule.offerCode === offer.offerCode);
    for (const product of Object.values(offer.products)) {
      const region = product.attributes.regionCode;
      for (const rule of rules) {
        if (!matchesRule(product, rule)) continue;
        if (!rule.global && region === undefined) continue;
        const figure = figureOf(offer, product, rule);
        if (figure) candidates.add({ region: rule.global ? 'global' : region!, name: rule.key }, figure);
      }
      const instanceClass = offer.offerCode === 'AmazonRDS' ? rdsInstanceClass(product) : undefined;
      if (instanceClass && region !== undefined) {
        const figure = figureOf(offer, product);
        if (figure) candidates.add({ region, name: `rds:${instanceClass}` }, figure);
      }
    }
  }

  const regions: Record<string, MutableRegion> = {};
  const global: Partial<Record<PriceKey, PriceListFigure>> = {};
  for (const [slot, figure] of candidates.settle()) {
    if (slot.region === 'global') {
      global[slot.name as PriceKey] = figure;
      continue;
    }
    const region = (regions[slot.region] ??= { prices: {}, rdsInstanceHour: {} });
    if (slot.name.startsWith('rds:')) region.rdsInstanceHour[slot.name.slice(4)] = figure;
    else region.prices[slot.name as PriceKey] = figure;
  }
  // One entry per offer version: every region's file of a service shares it.
  const versions = new Map(
    offers.map(({ offerCode, version, publicationDate }) => [
      `${offerCode} ${version}`,
      { offerCode, version, publicationDate },
    ]),
  );
  return {
    offers: [...versions.values()].sort(
      (a, b) => a.offerCode.localeCompare(b.offerCode) || a.version.localeCompare(b.version),
    ),
    regions: sortedRegions(regions),
    global,
  };
}

/** Regions, keys and classes in a stable order, so a regenerated file only changes where prices did. */
function sortedRegions(regions: Record<string, PriceListRegion>): Record<string, PriceListRegion> {
  const sortKeys = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return Object.fromEntries(
    Object.entries(regions)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([region, { prices, rdsInstanceHour }]) => [
        region,
        { prices: sortKeys(prices), rdsInstanceHour: sortKeys(rdsInstanceHour) },
      ]),
  );
}
