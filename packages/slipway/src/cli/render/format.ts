/** `$1,234.56`: dollars with cents, for monthly figures. */
export function usd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `12 %`, rounded, for shares of a total. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
