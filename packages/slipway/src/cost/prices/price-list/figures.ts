import type { Price, PriceKey } from '../types.js';

/** One price read from an AWS Price List offer file, with where it was read. */
export interface PriceListFigure {
  /** US dollars per `unit` (the first paid tier when the price is tiered, unless the rule names a tier). */
  readonly usd: number;
  /** The offer's own unit, e.g. `Hrs`, `GB-Mo`, or a multiple of it (`1,000,000 Requests`) when the rule scales it. */
  readonly unit: string;
  /** Where the tier read begins, when the rule names one past the first (`300000000`). */
  readonly tierBeginsAt?: number;
  /** The offer file it came from, e.g. `AmazonECS`. */
  readonly offerCode: string;
  /** The offer file's `publicationDate`. */
  readonly publicationDate: string;
  readonly sku: string;
  readonly usagetype: string;
}

/** The figures one region's offer files gave. */
export interface PriceListRegion {
  readonly prices: Readonly<Partial<Record<PriceKey, PriceListFigure>>>;
  /** Single-AZ PostgreSQL on-demand, by instance class. */
  readonly rdsInstanceHour: Readonly<Record<string, PriceListFigure>>;
}

/** What the generator writes: every region's figures and the offer files they came from. */
export interface PriceListFigures {
  readonly offers: readonly {
    readonly offerCode: string;
    readonly version: string;
    readonly publicationDate: string;
  }[];
  readonly regions: Readonly<Record<string, PriceListRegion>>;
  /** Figures AWS bills globally (Route 53 hosted zones): they apply in every region. */
  readonly global: Readonly<Partial<Record<PriceKey, PriceListFigure>>>;
}

/** A price-list figure as a table entry, in the table's unit (`unit`, e.g. `vCPU-hour`). */
export function priceFromList(figure: PriceListFigure, unit: string): Price {
  return {
    usd: figure.usd,
    unit,
    source: 'PL',
    reference:
      `AWS price list, ${figure.offerCode} offer published ${figure.publicationDate.slice(0, 10)} ` +
      `(${figure.usagetype}, SKU ${figure.sku}, per ${figure.unit}` +
      `${figure.tierBeginsAt ? `, the tier from ${figure.tierBeginsAt.toLocaleString('en-US')}` : ''})`,
    date: figure.publicationDate.slice(0, 7),
    verified: true,
  };
}
