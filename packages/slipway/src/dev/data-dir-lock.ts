import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DevError } from './dev-error.js';
import { displayPath } from './display-path.js';

const LOCK_FILE = 'slipway-dev.pid';

/** Folders this process holds, since a pid file cannot tell two runs in one process apart. */
const held = new Set<string>();

/**
 * Claims a data folder for this process. PGlite does not lock its files the way a Postgres server
 * does, and two processes writing one folder would corrupt the data a developer kept there. A
 * lock left by a process that is gone is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const folder = path.resolve(dir);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, LOCK_FILE);
  const owner = readOwner(file);
  if (held.has(folder) || (owner !== undefined && owner !== process.pid && isAlive(owner))) {
    const who = held.has(folder) ? 'this process' : `process ${owner}`;
    throw new DevError(
      `${displayPath(folder)} is in use by another \`slipway dev\` (${who})`,
      'stop that one first (Ctrl-C in its terminal), or keep a separate database with --data-dir <another folder>',
    );
  }
  writeFileSync(file, `${process.pid}\n`);
  held.add(folder);
  return () => {
    held.delete(folder);
    if (readOwner(file) === process.pid) rmSync(file, { force: true });
  };
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
