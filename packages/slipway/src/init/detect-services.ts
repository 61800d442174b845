import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RESERVED_SERVICE_NAMES } from '../naming/names.js';

/** A service found from a Dockerfile in the repository. */
export interface DetectedService {
  /** Lower-case name from the Dockerfile's folder. */
  readonly name: string;
  /** The Dockerfile's folder relative to the repository root (`.` for the root). */
  readonly context: string;
  /** From the last `EXPOSE`; absent when the Dockerfile exposes nothing. */
  readonly port?: number;
}

/** Folders that hold dependencies or build output, never a service of the repository. */
const SKIPPED = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'vendor',
  'target',
  'cdk.out',
  '.slipway',
  'coverage',
]);
const MAX_DEPTH = 4;
/** Names the environment's own stacks use (`<app>-<env>-network` …). */
const RESERVED: ReadonlySet<string> = new Set(RESERVED_SERVICE_NAMES);

/**
 * Every `Dockerfile` up to four folders deep, one service each, in path order. Names come from the
 * folder (the root's from the repository's), made safe for stack names and unique.
 */
export function detectServices(root: string, rootName: string): DetectedService[] {
  const found = findDockerfiles(root, 0).sort();
  const used = new Set<string>();
  return found.map((file) => {
    const context = path.relative(root, path.dirname(file)).split(path.sep).join('/') || '.';
    const name = uniqueName(context === '.' ? rootName : context, used);
    used.add(name);
    const port = exposedPort(readFileSync(file, 'utf8'));
    return { name, context, ...(port === undefined ? {} : { port }) };
  });
}

function findDockerfiles(dir: string, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.isDirectory()) {
      return SKIPPED.has(entry.name) || entry.name.startsWith('.')
        ? []
        : findDockerfiles(path.join(dir, entry.name), depth + 1);
    }
    return entry.isFile() && entry.name === 'Dockerfile' ? [path.join(dir, entry.name)] : [];
  });
}

/** The first port of the last `EXPOSE` (the final stage's), ignoring `/udp` and variables. */
export function exposedPort(dockerfile: string): number | undefined {
  const lines = dockerfile.split('\n').filter((line) => /^\s*EXPOSE\s/i.test(line));
  const last = lines.at(-1);
  const match = last === undefined ? null : /EXPOSE\s+(\d+)/i.exec(last);
  const port = match ? Number(match[1]) : undefined;
  return port !== undefined && port > 0 && port < 65536 ? port : undefined;
}

/** `apps/Web_API` → `web-api`; the folder's last part first, its parent added on a clash. */
function uniqueName(context: string, used: ReadonlySet<string>): string {
  const parts = context
    .split('/')
    .map(safeName)
    .filter((p) => p !== '');
  let name = parts.at(-1) ?? 'app';
  if (RESERVED.has(name)) name = `${name}-service`;
  if (used.has(name) && parts.length > 1) name = `${parts.at(-2)}-${name}`;
  let candidate = name;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${name}-${n}`;
  return candidate;
}

/** Lower-case letters, digits and single hyphens, starting with a letter. */
export function safeName(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return cleaned.slice(0, 40).replace(/-+$/, '');
}
