import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from './generate.js';
import { GENERATED_MARKER } from './render.js';

/** How one file on disk compares with what the config generates. */
export interface FileDrift {
  /** Path under the `.github` folder. */
  readonly path: string;
  /** `missing`: not written yet; `differs`: edited or generated from an older config; `stale`: generated once, no longer. */
  readonly status: 'missing' | 'differs' | 'stale';
}

/**
 * Writes every generated file under `githubDir` (the `.github` folder) and removes workflows
 * Slipway generated before but no longer does. Returns what happened to each path.
 */
export function writeGeneratedFiles(githubDir: string, files: readonly GeneratedFile[]): FileChange[] {
  const drift = new Map(findDrift(githubDir, files).map((d) => [d.path, d.status]));
  const changes: FileChange[] = files.map((file) => {
    const target = path.join(githubDir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    const status = drift.get(file.path);
    return {
      path: file.path,
      change: status === 'missing' ? 'created' : status === 'differs' ? 'updated' : 'unchanged',
    };
  });
  for (const [stale, status] of drift) {
    if (status !== 'stale') continue;
    rmSync(path.join(githubDir, stale));
    changes.push({ path: stale, change: 'removed' });
  }
  return changes;
}

/** What `writeGeneratedFiles` did to one path under `.github`. */
export interface FileChange {
  readonly path: string;
  readonly change: 'created' | 'updated' | 'unchanged' | 'removed';
}

/**
 * What differs between disk and the generated files. A workflow Slipway generated earlier but no
 * longer does (a removed service's build) is `stale`; hand-written workflows are left alone.
 */
export function findDrift(githubDir: string, files: readonly GeneratedFile[]): FileDrift[] {
  const drift: FileDrift[] = [];
  for (const file of files) {
    const target = path.join(githubDir, file.path);
    if (!existsSync(target)) drift.push({ path: file.path, status: 'missing' });
    else if (readFileSync(target, 'utf8') !== file.content)
      drift.push({ path: file.path, status: 'differs' });
  }
  const expected = new Set(files.map((f) => f.path));
  for (const name of generatedOnDisk(path.join(githubDir, 'workflows'))) {
    const relative = `workflows/${name}`;
    if (!expected.has(relative)) drift.push({ path: relative, status: 'stale' });
  }
  return drift;
}

/** Workflow files in `dir` that start with Slipway's marker. */
export function generatedOnDisk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .filter((name) => readFileSync(path.join(dir, name), 'utf8').startsWith(GENERATED_MARKER))
    .sort();
}
