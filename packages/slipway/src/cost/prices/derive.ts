import type { Price } from './types.js';

/**
 * A regional figure computed from another region's by a factor, for regions where no primary
 * figure was found. Always unverified: the factor is an average, not a price.
 */
export function derivedPrice(base: Price, factor: number, note: string, date = base.date): Price {
  return {
    // Six significant digits keep float noise (0.045 × 1.35 = 0.06075000000000001) out of the table.
    usd: Number((base.usd * factor).toPrecision(6)),
    unit: base.unit,
    source: 'DERIVED',
    reference: `${base.usd} × ${factor}`,
    date,
    verified: false,
    note,
  };
}

/** Another region's figure taken over unchanged, for prices AWS is believed to set alike everywhere. */
export function assumedSame(base: Price, fromRegion: string, note: string): Price {
  return {
    ...base,
    source: 'ASSUMED',
    reference: `${fromRegion} figure (${base.source}: ${base.reference})`,
    verified: false,
    note,
  };
}
