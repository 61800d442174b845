import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from './generate.js';
import { GENERATED_MARKER } from './render.js';

/**
 * Where the generated files go: the workflows into one folder, the pull-request template into
 * another. In a repository these are `.github/workflows` and `.github`, where GitHub reads them.
 */
export interface OutputFolders {
  readonly workflows: string;
  readonly template: string;
}

/** The folders under a repository's `.github` folder. */
export function githubFolders(githubDir: string): OutputFolders {
  return { workflows: path.join(githubDir, 'workflows'), template: githubDir };
}

/** Where a generated file is written: a workflow into the workflows folder, the rest beside it. */
export function targetPath(folders: OutputFolders, file: Pick<GeneratedFile, 'path'>): string {
  return file.path.startsWith(WORKFLOWS_PREFIX)
    ? path.join(folders.workflows, file.path.slice(WORKFLOWS_PREFIX.length))
    : path.join(folders.template, file.path);
}

const WORKFLOWS_PREFIX = 'workflows/';

/** How one file on disk compares with what the config generates. */
export interface FileDrift {
  /** Path as under a `.github` folder (`workflows/pr.yml`); `targetPath` gives the file. */
  readonly path: string;
  /** `missing`: not written yet; `differs`: edited or generated from an older config; `stale`: generated once, no longer. */
  readonly status: 'missing' | 'differs' | 'stale';
}

/**
 * Writes every generated file into `folders` and removes workflows Slipway generated before but
 * no longer does. Returns what happened to each path.
 */
export function writeGeneratedFiles(folders: OutputFolders, files: readonly GeneratedFile[]): FileChange[] {
  const drift = new Map(findDrift(folders, files).map((d) => [d.path, d.status]));
  const changes: FileChange[] = files.map((file) => {
    const target = targetPath(folders, file);
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
    rmSync(targetPath(folders, { path: stale }));
    changes.push({ path: stale, change: 'removed' });
  }
  return changes;
}

/** What `writeGeneratedFiles` did to one path (as under `.github`). */
export interface FileChange {
  readonly path: string;
  readonly change: 'created' | 'updated' | 'unchanged' | 'removed';
}

/**
 * What differs between disk and the generated files. A workflow Slipway generated earlier but no
 * longer does (a removed service's build) is `stale`; hand-written workflows are left alone.
 */
export function findDrift(folders: OutputFolders, files: readonly GeneratedFile[]): FileDrift[] {
  const drift: FileDrift[] = [];
  for (const file of files) {
    const target = targetPath(folders, file);
    if (!existsSync(target)) drift.push({ path: file.path, status: 'missing' });
    else if (readFileSync(target, 'utf8') !== file.content)
      drift.push({ path: file.path, status: 'differs' });
  }
  // By where each file lands: `.gitlab-ci.yml` goes straight into the folder the workflows would.
  const expected = new Set(files.map((f) => targetPath(folders, f)));
  for (const name of generatedOnDisk(folders.workflows)) {
    const relative = `${WORKFLOWS_PREFIX}${name}`;
    if (!expected.has(targetPath(folders, { path: relative })))
      drift.push({ path: relative, status: 'stale' });
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
