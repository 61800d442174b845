import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Names, Stage } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as esbuild from 'esbuild';
import { ModelError } from '../shared/model-error.js';

/** The file the bundle is written to; Lambda's handler is `index.<export>`. */
export const BUNDLE_MODULE = 'index';

/**
 * A handler's code, bundled at synth by the kit's own esbuild through its API: no Docker, no
 * `npx` in the team's project (which finds esbuild only where the package manager hoisted it), a
 * few milliseconds per function. Imports resolve from the entry's folder up, as Node would. Paths
 * in the bundle's comments are relative to the entry's folder and there is no source map, so the
 * bundle, and the asset hash CloudFormation sees, hold no path of the machine that built it.
 * The AWS SDK v3 comes with the runtime and is left out. Bundled before CDK stages the asset, so a
 * handler that does not compile is reported at its config field.
 */
export function bundledCode(scope: Construct, entry: string, fieldPath: string): lambda.Code {
  const stage = Stage.of(scope);
  if (stage === undefined) throw new Error(`${scope.node.path} is not in an app`);
  const folder = path.join(stage.outdir, 'bundles', Names.uniqueId(scope));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  bundle(entry, path.dirname(entry), path.join(folder, `${BUNDLE_MODULE}.js`), fieldPath);
  return lambda.Code.fromAsset(folder);
}

function bundle(entry: string, folder: string, outfile: string, fieldPath: string): void {
  try {
    esbuild.buildSync({
      entryPoints: [entry],
      absWorkingDir: folder,
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'cjs',
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
    });
  } catch (error) {
    const failure = error as { errors?: esbuild.Message[]; message?: string };
    const first = failure.errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
    throw new ModelError(
      fieldPath,
      `esbuild could not bundle ${entry}: ${where}${first?.text ?? failure.message ?? String(error)}`,
      'Fix the handler (or install the package it imports) and plan again.',
    );
  }
}
