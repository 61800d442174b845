// Builds the published package: tsc compiles src/ to dist/ (JavaScript, declarations, source
// maps), then the files tsc does not handle but the kit reads at run time are copied beside
// them: the moto patch layer (Python), and the worker and host scripts (.mjs) started by path.
//
// Usage: node --import tsx scripts/build.ts [--out <dir>]
//   --out <dir>   build there instead of dist/ (the installed-package test stages a copy of the
//                 package, so packing it never empties the dist/ other tests may be running)
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(PACKAGE_DIR, 'src');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const OUT = path.resolve(values.out ?? path.join(PACKAGE_DIR, 'dist'));

/** Files read or started by path at run time; everything else in src/ is TypeScript or notes. */
const RUNTIME_ASSET = /\.(mjs|py)$/;

function compile(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const config = path.join(PACKAGE_DIR, 'tsconfig.build.json');
  const result = spawnSync(process.execPath, [tsc, '-p', config, '--outDir', OUT], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('build: tsc failed (see above); dist/ is incomplete.\n');
    process.exit(result.status ?? 1);
  }
}

function copyRuntimeAssets(): number {
  let copied = 0;
  cpSync(SOURCE, OUT, {
    recursive: true,
    filter: (from) => {
      const name = path.basename(from);
      if (name === '__pycache__') return false;
      // Directories must pass for cpSync to walk into them; empty ones are not created.
      if (!path.extname(name)) return true;
      const keep = RUNTIME_ASSET.test(name);
      if (keep) copied += 1;
      return keep;
    },
  });
  return copied;
}

const started = performance.now();
rmSync(OUT, { recursive: true, force: true });
compile();
const assets = copyRuntimeAssets();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `build: ${path.relative(process.cwd(), OUT) || '.'} compiled with ${assets} runtime files copied in ${seconds} s\n`,
);
