import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ServerCommand } from './spawn-server.js';

const run = promisify(execFile);
const API_DIR = fileURLToPath(new URL('../..', import.meta.url));
const REPO_DIR = fileURLToPath(new URL('../../../..', import.meta.url));

/** The uid and gid of the `node` user in the official Node images, which the Dockerfile runs as. */
export const IMAGE_USER = 1000;

/**
 * Runs a command the way ECS runs the service's container: as an unprivileged user, with the root
 * filesystem mounted read-only in a private mount namespace and an empty, world-writable /tmp as
 * the only place to write (the task volume Slipway mounts there, with the mode the image's
 * `VOLUME ["/tmp"]` gives it). Mounting needs root, so the tests run as root.
 */
export function sandboxed(
  file: string,
  args: readonly string[],
  cwd: string,
  binds: readonly Bind[] = [],
): ServerCommand {
  if (process.getuid?.() !== 0) {
    throw new Error('the read-only-root sandbox mounts file systems and needs root (as CI runs)');
  }
  const quote = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;
  const script = [
    'set -e',
    // Bound before /tmp is replaced, so dependencies installed under /tmp stay reachable.
    ...binds.flatMap(({ source, target }) => [
      `mount --bind ${quote(source)} ${quote(target)}`,
      `mount -o remount,bind,ro ${quote(target)}`,
    ]),
    // A bind remount changes only this namespace's view of /; the machine's root stays writable.
    'mount -o remount,bind,ro /',
    'mount -t tmpfs -o size=64m,mode=1777 tmpfs /tmp',
    `exec setpriv --reuid=${IMAGE_USER} --regid=${IMAGE_USER} --clear-groups -- "$0" "$@"`,
  ].join('\n');
  return {
    file: 'unshare',
    args: ['--mount', '--propagation', 'private', '--', 'sh', '-c', script, file, ...args],
    cwd,
  };
}

/** A folder (or file) shown at another path inside the sandbox. */
export interface Bind {
  readonly source: string;
  readonly target: string;
}

/** The image's /app laid out from a fresh build: dist, migrations and the installed dependencies. */
export interface BuiltImage {
  /** The service's folder, the image's WORKDIR. */
  readonly appDir: string;
  /**
   * The Node binary inside the sandbox, as the image has its own: this process's Node, bound in,
   * since it may sit where the sandbox cannot see it (a Node fetched into a checkout under /tmp).
   */
  readonly node: string;
  /** The installed dependencies, bound into the layout inside the sandbox. */
  readonly binds: readonly Bind[];
  remove(): Promise<void>;
}

/** Compiles the service as the Dockerfile does and lays it out like the image's /app. */
export async function buildImageLayout(): Promise<BuiltImage> {
  // Outside /tmp, which the sandbox replaces with an empty one.
  const root = await mkdtemp(join('/var/tmp', 'slipway-api-image-'));
  // mkdtemp makes the folder private to root; the image's files are readable by everyone.
  await chmod(root, 0o755);
  const appDir = join(root, 'app', 'apps', 'api');
  await mkdir(appDir, { recursive: true });
  await run(process.execPath, [
    join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    join(API_DIR, 'tsconfig.build.json'),
    '--outDir',
    join(appDir, 'dist'),
  ]);
  await copyFile(join(API_DIR, 'package.json'), join(appDir, 'package.json'));
  await cp(join(API_DIR, 'migrations'), join(appDir, 'migrations'), { recursive: true });
  // The installed dependencies, read where they are (the image copies the production ones). They
  // are bound in the sandbox rather than linked: a checkout under /tmp would vanish behind its tmpfs.
  const node = join(root, 'usr', 'local', 'bin', 'node');
  await mkdir(dirname(node), { recursive: true });
  await writeFile(node, '');
  const binds: Bind[] = [{ source: process.execPath, target: node }];
  for (const [source, target] of [
    [join(REPO_DIR, 'node_modules'), join(root, 'app', 'node_modules')],
    [join(API_DIR, 'node_modules'), join(appDir, 'node_modules')],
  ] as const) {
    if (!existsSync(source)) continue;
    await mkdir(target, { recursive: true });
    binds.push({ source, target });
  }
  return { appDir, node, binds, remove: () => rm(root, { recursive: true, force: true }) };
}
