import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The package's folder, whose bin/slipway.js the benchmarks run. */
export const KIT = path.resolve(import.meta.dirname, '..');

/**
 * Builds dist/ before a benchmark runs bin/slipway.js: what users run is the compiled CLI, and a
 * dist/ older than the sources would measure code that is no longer there.
 */
export function buildPackage(): void {
  const build = spawnSync('npm', ['run', 'build'], { cwd: KIT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed (see above): nothing measured.');
}
