import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The environment a user's shell would give a command: PATH (for npm, git and the Python with moto),
 * HOME (for npm's user config) and nothing the test run sets. So no NODE_OPTIONS, no export
 * conditions, no npm_* variables from `npx vitest`, and no node_modules/.bin of this repository on
 * PATH, where a `slipway` of the sources could be found instead of the installed one.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const binOfPackages = `node_modules${path.sep}.bin`;
  const searchPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !dir.includes(binOfPackages))
    .join(path.delimiter);
  const env: NodeJS.ProcessEnv = {
    PATH: searchPath,
    HOME: process.env.HOME ?? tmpdir(),
    // Plain text to read, as the suite's vitest.config.ts asks of in-process runs.
    NO_COLOR: '1',
  };
  // Where a machine keeps moto outside PATH, it says so here (see src/local-cloud/python.ts).
  if (process.env.SLIPWAY_PYTHON) env.SLIPWAY_PYTHON = process.env.SLIPWAY_PYTHON;
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  return { ...env, ...extra };
}
