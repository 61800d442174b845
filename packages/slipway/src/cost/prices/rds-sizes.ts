import type { Price } from './types.js';

/**
 * RDS bills the sizes of one instance family in proportion to these units: AWS's normalized units
 * for size-flexible reserved DB instances (RDS User Guide), micro 0.5 up to 48xlarge 384. On-demand
 * list prices follow them closely (db.m6i.large $0.178, xlarge $0.356, 2xlarge $0.712), so a size
 * without a figure of its own is derived from a size of the same family that has one.
 */
export const SIZE_UNITS: Readonly<Record<string, number>> = {
  micro: 0.5,
  small: 1,
  medium: 2,
  large: 4,
  xlarge: 8,
  '2xlarge': 16,
  '4xlarge': 32,
  '8xlarge': 64,
  '12xlarge': 96,
  '16xlarge': 128,
  '24xlarge': 192,
  '32xlarge': 256,
  '48xlarge': 384,
};

/** The price of `size` from a sourced size of the same family, by their normalized units. */
export function sizeScaled(anchor: Price, anchorSize: string, size: string, family: string): Price {
  const from = SIZE_UNITS[anchorSize];
  const to = SIZE_UNITS[size];
  if (from === undefined || to === undefined) {
    throw new Error(`no normalized units for ${family}.${anchorSize} or ${family}.${size}`);
  }
  const factor = to / from;
  return {
    // Six significant digits keep float noise out of the table, as derivedPrice does.
    usd: Number((anchor.usd * factor).toPrecision(6)),
    unit: anchor.unit,
    source: 'DERIVED',
    reference: `${family}.${anchorSize} ${anchor.usd} × ${to}/${from} normalized units`,
    date: anchor.date,
    verified: false,
    note: 'RDS prices the sizes of a family in proportion to their normalized units; no figure of its own found',
  };
}
