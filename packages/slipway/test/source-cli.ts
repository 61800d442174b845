import path from 'node:path';

const KIT = path.resolve(import.meta.dirname, '..');

/**
 * Node arguments that run the CLI from this checkout's sources, as `npm run slipway:source` does:
 * tests of a spawned `slipway` see the code under test, not a dist/ built before it. The built
 * package itself is run by the installed-package test.
 */
export const SOURCE_CLI = [
  '--conditions=slipway-source',
  '--import',
  import.meta.resolve('tsx'),
  path.join(KIT, 'src/cli/run.ts'),
];
