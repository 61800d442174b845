import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { userEnv } from './user-env.js';

/**
 * Installs the packed kit into `repo` without the network, as npm itself installs a package:
 * node_modules/slipway is what npm extracts from the tarball and node_modules/.bin/slipway the link
 * npm makes from its `bin`.
 *
 * Why not a plain `npm install <tarball> --offline`: it needs every dependency's packument (the
 * registry's version list) in npm's cache, and on a fresh CI machine `npm ci` leaves none that
 * `npm install` can use. npm ci reads versions from the lockfile and at most fetches the abbreviated
 * packument, while npm install asks for the full one, a different cache entry, so the offline
 * install stops with ENOTCACHED. The dependencies are already installed in this repository, so each
 * one the packed package.json declares is given to npm as a `file:` link to that installed copy: npm
 * resolves them without a registry, and their own dependencies resolve through the links' real
 * paths. Only declared ones are linked, so code in dist/ that imports an undeclared package fails
 * to load here, as it would for a user. A fresh, empty npm cache shows nothing comes from this
 * machine's cache.
 */
export function installOffline(options: {
  readonly repo: string;
  readonly tarball: string;
  readonly dependencies: Record<string, string>;
  /** Where the kit's own dependencies are installed (the kit's folder, searched upwards). */
  readonly kitDir: string;
  readonly cache: string;
}): void {
  const links = Object.fromEntries(
    Object.keys(options.dependencies).map((name) => [name, `file:${installedCopy(name, options.kitDir)}`]),
  );
  mkdirSync(options.repo, { recursive: true });
  writeFileSync(
    path.join(options.repo, 'package.json'),
    `${JSON.stringify({ name: 'shop', private: true, dependencies: links }, null, 2)}\n`,
  );
  execFileSync(
    'npm',
    [
      'install',
      options.tarball,
      '--offline',
      '--cache',
      options.cache,
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: options.repo, env: userEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** The folder a dependency is installed in, as Node would find it from the kit. */
function installedCopy(name: string, kitDir: string): string {
  for (let dir = kitDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(
        `${name} is declared by the kit but not installed here. Fix: npm ci at the repository root.`,
      );
    }
  }
}
