import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces what sits between `<!-- <name>:start -->` and `<!-- <name>:end -->` in a doc with
 * `text`, so a benchmark rewrites its own section and nothing else.
 */
export function replaceDocSection(file: string, name: string, text: string): void {
  const doc = readFileSync(file, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!doc.includes(start) || !doc.includes(end)) throw new Error(`${file} lacks the ${start} markers`);
  writeFileSync(
    file,
    `${doc.slice(0, doc.indexOf(start) + start.length)}\n${text}\n${doc.slice(doc.indexOf(end))}`,
  );
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
