import type { Price } from './prices/types.js';

/**
 * Number formatting for `CostItem.basis` and the CLI. Items keep raw numbers; only text rounds.
 */

/** A quantity in a basis: at most four decimals, no trailing zeros (`0.25`, `730`, `1.5`). */
export function qty(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** A unit price exactly as the table holds it (`$0.03238`). */
export function unitUsd(price: Price): string {
  return `$${price.usd}`;
}

/**
 * Dollars rounded to cents for display (`$1,234.56`), or to `decimals` places for hourly figures
 * (`$0.0080`); the only place estimates are rounded.
 */
export function formatUsd(usd: number, decimals = 2): string {
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`;
}

/**
 * A monthly total for display: `$51.09`, `≈ $51.09` when unverified figures went into it, and
 * `not priced` when there is no total (a region without a price table).
 */
export function formatMonthly(usd: number | null, unverifiedFigures = 0): string {
  if (usd === null) return 'not priced';
  return `${unverifiedFigures > 0 ? '≈ ' : ''}${formatUsd(usd)}`;
}

/**
 * Provenance of the prices a figure used, e.g. `(Fargate ARM, 3P 2026)`, with `unverified` when any
 * of them is, so a reader of one line knows how far to trust it.
 */
export function cite(label: string, ...prices: readonly Price[]): string {
  const first = prices[0];
  if (!first) return `(${label})`;
  const unverified = prices.some((p) => !p.verified) ? ', unverified' : '';
  return `(${label}, ${first.source} ${first.date}${unverified})`;
}
