import path from 'node:path';

/** Relative to the current folder when below it, else absolute: whichever a user can paste. */
export function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative;
}
