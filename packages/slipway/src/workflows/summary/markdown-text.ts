import { formatUsd } from '../../cost/format.js';

/** Table cells cannot hold pipes or line breaks. */
export function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

/** `+$12.30`, `-$4.00`, `±$0.00`: a monthly change with its sign. */
export function signedUsd(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return `±${formatUsd(0)}`;
  return `${rounded > 0 ? '+' : '-'}${formatUsd(Math.abs(rounded))}`;
}

/** `+5.2 %`, or nothing when there was no cost to compare with. */
export function signedPercent(change: number, before: number): string {
  if (before <= 0) return '';
  const percent = (change / before) * 100;
  return `${percent >= 0 ? '+' : '-'}${Math.abs(percent).toFixed(1)} %`;
}
