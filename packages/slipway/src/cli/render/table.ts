import { stripVTControlCharacters } from 'node:util';

export type Align = 'left' | 'right';

/**
 * A plain text table: a header row, a rule, then rows, columns padded to their widest cell.
 * Colour codes do not count towards widths, so coloured cells line up.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = headers.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function visible(text: string): number {
  return stripVTControlCharacters(text).length;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - visible(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Label and value pairs, labels padded to line the values up (`branch   feat/x`). */
export function renderPairs(pairs: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(0, ...pairs.map(([label]) => visible(label)));
  return pairs.map(([label, value]) => `${indent}${pad(label, width, 'left')}  ${value}`).join('\n');
}
