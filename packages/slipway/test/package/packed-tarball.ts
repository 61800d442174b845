import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';

/** What `npm pack --json` reports of one tarball. */
export interface PackedTarball {
  /** Absolute path of the .tgz. */
  readonly file: string;
  /** Gzipped size in bytes. */
  readonly size: number;
  readonly unpackedSize: number;
  /** Paths inside the package, as npm lists them (no leading `package/`). */
  readonly files: readonly string[];
}

interface PackReport {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string }[];
}

/**
 * Packs the kit as `npm publish` would, into `destination`, from a staged copy: the package folder
 * without node_modules and dist/, with dist/ built afresh into the copy by scripts/build.ts (what
 * `prepack` runs), so the tarball holds what the sources compile to now and the kit's own dist/,
 * which other tests run, is never emptied under them. npm applies `files` to the copy as it would
 * to the package. The report is read from the line that opens the JSON array, after any output
 * npm prints first.
 */
export function packKit(kitDir: string, destination: string, env: NodeJS.ProcessEnv): PackedTarball {
  const stage = path.join(destination, 'staged-package');
  cpSync(kitDir, stage, {
    recursive: true,
    filter: (from) => !['node_modules', 'dist'].includes(path.relative(kitDir, from).split(path.sep)[0]!),
  });
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(kitDir, 'scripts/build.ts'), '--out', path.join(stage, 'dist')],
    { cwd: kitDir, env, stdio: 'pipe' },
  );
  // The build just ran; prepack would run it again in the copy, whose tsconfig cannot reach the root's.
  const stdout = execFileSync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    {
      cwd: stage,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const start = stdout.search(/^\[$/m);
  if (start < 0) throw new Error(`npm pack printed no JSON report:\n${stdout.slice(-2000)}`);
  const [report] = JSON.parse(stdout.slice(start)) as PackReport[];
  if (!report) throw new Error('npm pack reported no tarball.');
  return {
    file: path.join(destination, report.filename),
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files.map((entry) => entry.path),
  };
}

/** The package.json inside a tarball, as npm will install it. */
export function packedManifest(tarball: string): { readonly dependencies?: Record<string, string> } {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}
