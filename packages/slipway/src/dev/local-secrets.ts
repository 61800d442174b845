import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../config/suggest.js';
import { DevError } from './dev-error.js';
import { displayPath } from './display-path.js';

/** Prefix of the variables that hold local secret values: `SLIPWAY_SECRET_STRIPE_KEY`. */
export const SECRET_VARIABLE_PREFIX = 'SLIPWAY_SECRET_';

export interface LocalSecrets {
  /** Declared secret name → local value. */
  readonly values: ReadonlyMap<string, string>;
  /** Things worth telling the user: unknown names in the file, a file git would commit. */
  readonly warnings: readonly string[];
}

export interface ReadLocalSecretsProps {
  /** The JSON file of `{ "<secret name>": "<value>" }`; it need not exist. */
  readonly file: string;
  /** Secret names the config declares. */
  readonly declared: readonly string[];
  /** Where `SLIPWAY_SECRET_*` values are read from. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Values for the declared secrets on this machine, never from AWS: a git-ignored JSON file, with
 * `SLIPWAY_SECRET_<NAME>` variables winning over it (handy in a shell or a CI job).
 */
export function readLocalSecrets({ file, declared, env }: ReadLocalSecretsProps): LocalSecrets {
  const values = new Map<string, string>();
  const warnings: string[] = [];
  if (existsSync(file)) {
    const fromFile = parseSecretsFile(file);
    for (const [name, value] of Object.entries(fromFile)) {
      if (declared.includes(name)) values.set(name, value);
      else
        warnings.push(
          `${displayPath(file)} has a value for '${name}', which is not a declared secret${didYouMean(name, declared)}; it is ignored`,
        );
    }
    if (isTrackedByGit(file)) {
      warnings.push(
        `${displayPath(file)} holds secret values but git does not ignore it. Add .slipway/ to .gitignore so they are never committed`,
      );
    }
  }
  for (const name of declared) {
    const value = env[secretVariable(name)];
    if (value !== undefined && value !== '') values.set(name, value);
  }
  return { values, warnings };
}

/** `stripeKey` → `SLIPWAY_SECRET_STRIPE_KEY`, `db-password` → `SLIPWAY_SECRET_DB_PASSWORD`. */
export function secretVariable(secret: string): string {
  const snake = secret
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `${SECRET_VARIABLE_PREFIX}${snake}`;
}

function parseSecretsFile(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DevError(
      `${displayPath(file)} is not valid JSON (${(error as Error).message})`,
      'write one object of secret name to value, e.g. { "stripeKey": "sk_test_…" }',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DevError(
      `${displayPath(file)} is not a JSON object`,
      'write one object of secret name to value, e.g. { "stripeKey": "sk_test_…" }',
    );
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  const wrong = entries.filter(([, value]) => typeof value !== 'string').map(([name]) => name);
  if (wrong.length > 0) {
    throw new DevError(
      `${displayPath(file)}: the value of ${wrong.map((n) => `'${n}'`).join(', ')} is not a string`,
      'quote every value, as a container variable is always text',
    );
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * Whether git would commit the file. Only a clear "not ignored" inside a repository counts: no git
 * or no repository says nothing either way.
 */
function isTrackedByGit(file: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--quiet', path.basename(file)], {
      cwd: path.dirname(file),
      stdio: 'ignore',
    });
    return false;
  } catch (error) {
    return (error as { status?: number }).status === 1;
  }
}
