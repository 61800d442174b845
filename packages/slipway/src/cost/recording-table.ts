import type { Price, RegionPrices, RegionPriceTable } from './prices/types.js';

/** A price table that notes every figure the pricers read, and the notes. */
export interface RecordingTable {
  readonly table: RegionPriceTable;
  /** The figures read so far, by name (`nat.hour`, `rds.db.t4g.micro`, `ec2.t4g.medium`). */
  readonly read: () => ReadonlyMap<string, Price>;
  /** Names of the figures read so far that are derived, assumed or otherwise unverified, sorted. */
  readonly unverified: () => string[];
}

/**
 * A view of `table` whose figures note when they are read. The pricers stay as they are, and the
 * estimate can still say how many of the figures behind it are derived, assumed or otherwise
 * unverified. Listing the keys (`Object.keys`) reads nothing.
 */
export function recordingTable(table: RegionPriceTable): RecordingTable {
  const read = new Map<string, Price>();
  function watch(figures: Readonly<Record<string, Price>>, prefix: string): Record<string, Price> {
    const view: Record<string, Price> = {};
    for (const [key, price] of Object.entries(figures)) {
      Object.defineProperty(view, key, {
        enumerable: true,
        get: () => {
          read.set(`${prefix}${key}`, price);
          return price;
        },
      });
    }
    return view;
  }
  return {
    table: {
      ...table,
      prices: watch(table.prices as unknown as Record<string, Price>, '') as unknown as RegionPrices,
      rdsInstanceHour: watch(table.rdsInstanceHour, 'rds.'),
      ec2InstanceHour: watch(table.ec2InstanceHour, 'ec2.'),
    },
    read: () => read,
    unverified: () =>
      [...read]
        .filter(([, price]) => !price.verified)
        .map(([name]) => name)
        .sort(),
  };
}
