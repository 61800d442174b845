/** `12 %`, rounded, for shares of a total. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
