import { execFileSync } from 'node:child_process';
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
 * Packs the kit as `npm publish` would, into `destination`. `prepack` rebuilds dist/ first, so the
 * tarball holds what the sources compile to now. npm prints the lifecycle scripts' output on
 * stdout before its JSON, so the report is read from the line that opens the JSON array.
 */
export function packKit(kitDir: string, destination: string, env: NodeJS.ProcessEnv): PackedTarball {
  const stdout = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: kitDir,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
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
