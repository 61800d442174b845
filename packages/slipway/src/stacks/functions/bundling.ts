import { existsSync } from 'node:fs';
import path from 'node:path';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { ModelError } from '../shared/model-error.js';

/** Lock files esbuild's project root is found by, as `NodejsFunction` knows them. */
const LOCK_FILES = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock'];

/**
 * The lock file nearest above the handler: its folder is the project esbuild resolves imports in.
 * Found from the entry rather than the working directory, so `slipway plan` gives the same bundle
 * wherever it is run from.
 */
export function lockFileFor(entry: string, path_: string): string {
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const found = LOCK_FILES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
    if (found !== undefined) return found;
    if (path.dirname(dir) === dir) break;
  }
  throw new ModelError(
    path_,
    `no lock file above ${entry}, so esbuild has no project to resolve the handler's imports in`,
    `Install the project's dependencies (npm install writes package-lock.json) in a folder above the handler.`,
  );
}

/**
 * esbuild on this machine, never Docker: synth stays offline and takes milliseconds. Not minified
 * and without source maps, so stack traces name the bundle's readable lines and the bundle (and its
 * asset hash) holds no path of the machine that built it. The AWS SDK v3 comes with the runtime
 * and is left out.
 */
export const BUNDLING: nodejs.BundlingOptions = {
  forceDockerBundling: false,
  minify: false,
  sourceMap: false,
  externalModules: ['@aws-sdk/*'],
  // A plan prints findings and cost, not esbuild's summary; errors still show.
  logLevel: nodejs.LogLevel.ERROR,
};
