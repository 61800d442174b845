/**
 * The JSON offer files of AWS's Price List Bulk API, as far as the generator reads them: one file
 * per service (`offerCode`) and region, from
 * `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offerCode>/current/<region>/index.json`.
 */

export interface OfferProduct {
  readonly sku: string;
  readonly productFamily?: string;
  /** `regionCode`, `usagetype`, `instanceType`, `databaseEngine`… all strings. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface PriceDimension {
  readonly rateCode: string;
  readonly description?: string;
  /** Tier bounds as strings (`"0"`, `"Inf"`); absent for untiered prices. */
  readonly beginRange?: string;
  readonly endRange?: string;
  readonly unit: string;
  readonly pricePerUnit: Readonly<Record<string, string>>;
}

export interface OfferTerm {
  readonly offerTermCode: string;
  readonly sku: string;
  readonly effectiveDate?: string;
  readonly priceDimensions: Readonly<Record<string, PriceDimension>>;
}

export interface OfferFile {
  readonly formatVersion: string;
  readonly offerCode: string;
  readonly version: string;
  readonly publicationDate: string;
  readonly products: Readonly<Record<string, OfferProduct>>;
  readonly terms: {
    /** By SKU, then by offer term code. Reserved terms are not read. */
    readonly OnDemand?: Readonly<Record<string, Readonly<Record<string, OfferTerm>>>>;
  };
}

/** An offer file that is not what the generator expects; the message names the file and the field. */
export class OfferFileError extends Error {
  override readonly name = 'OfferFileError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one offer file and checks the fields the generator relies on, so a truncated download or
 * a file of another kind (a `region_index.json`, a savings plan file) fails here with its name
 * rather than yielding no figures.
 */
export function parseOfferFile(text: string, source: string): OfferFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new OfferFileError(`${source} is not JSON (${(error as Error).message}); download it again.`);
  }
  if (!isObject(data)) throw new OfferFileError(`${source} is not a JSON object.`);
  for (const field of ['formatVersion', 'offerCode', 'version', 'publicationDate'] as const) {
    if (typeof data[field] !== 'string') {
      throw new OfferFileError(
        `${source} has no "${field}": it is not a Price List offer file (a region_index.json lists the files to download).`,
      );
    }
  }
  if (!isObject(data.products) || !isObject(data.terms)) {
    throw new OfferFileError(`${source} has no "products" and "terms": it is not a Price List offer file.`);
  }
  for (const [sku, product] of Object.entries(data.products)) {
    if (!isObject(product) || !isObject(product.attributes)) {
      throw new OfferFileError(`${source}: product ${sku} has no "attributes".`);
    }
  }
  return data as unknown as OfferFile;
}
