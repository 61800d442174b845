import { execFile } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * filesystem mounted read-only in a private mount namespace and one empty tmpfs as the only place
 * to write (the task volume Slipway mounts at /tmp). Mounting needs root, so the tests run as root.
 */
export function sandboxed(
  writable: string,
  file: string,
  args: readonly string[],
  cwd: string,
): ServerCommand {
  if (process.getuid?.() !== 0) {
    throw new Error('the read-only-root sandbox mounts file systems and needs root (as CI runs)');
  }
  const script = [
    'set -e',
    // A bind remount changes only this namespace's view of /; the machine's root stays writable.
    'mount -o remount,bind,ro /',
    'mount -t tmpfs -o size=64m,mode=1777 tmpfs "$0"',
    `exec setpriv --reuid=${IMAGE_USER} --regid=${IMAGE_USER} --clear-groups -- "$@"`,
  ].join('\n');
  return {
    file: 'unshare',
    args: ['--mount', '--propagation', 'private', '--', 'sh', '-c', script, writable, file, ...args],
    cwd,
  };
}

/** The image's /app laid out from a fresh build: dist, migrations and the installed dependencies. */
export interface BuiltImage {
  /** The service's folder, the image's WORKDIR. */
  readonly appDir: string;
  /** An empty folder for the sandbox's tmpfs: the only writable path. */
  readonly writableDir: string;
  remove(): Promise<void>;
}

/** Compiles the service as the Dockerfile does and lays it out like the image's /app. */
export async function buildImageLayout(): Promise<BuiltImage> {
  const root = await mkdtemp(join(tmpdir(), 'slipway-api-image-'));
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
  // The installed dependencies, read where they are (the image copies the production ones).
  await symlink(join(REPO_DIR, 'node_modules'), join(root, 'app', 'node_modules'));
  await symlink(join(API_DIR, 'node_modules'), join(appDir, 'node_modules'));
  const writableDir = join(root, 'writable');
  await mkdir(writableDir);
  return { appDir, writableDir, remove: () => rm(root, { recursive: true, force: true }) };
}
