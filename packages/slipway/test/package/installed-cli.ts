import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stopLocalCloud } from '../../src/local-cloud/launcher.js';
import { userEnv } from './user-env.js';

export interface InstalledRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node_modules/.bin/slipway <argv>` in `repo` as its own process, the way a user's shell
 * starts it: through npm's bin link and the shebang, with a user's environment.
 */
export function runInstalled(
  repo: string,
  argv: readonly string[],
  extraEnv: NodeJS.ProcessEnv = {},
): InstalledRun {
  const run = spawnSync(path.join(repo, 'node_modules', '.bin', 'slipway'), argv, {
    cwd: repo,
    env: userEnv(extraEnv),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Text to show when a step fails: its exit code and what it printed. */
export function describeRun(run: InstalledRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-3000)}`;
}

/**
 * Stops the emulator a `--target local` command started in `stateDir` (its pid is in the state
 * file), waiting for it to exit, as `slipway local stop` does.
 */
export async function stopEmulator(stateDir: string): Promise<void> {
  await stopLocalCloud({ stateDir });
}
