import { stat } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { AppModel } from '../model/types.js';
import { ConfigError, issue } from './errors.js';
import { resolveConfig } from './resolve.js';

/**
 * Loads `slipway.config.ts` (or any TS/JS config) and resolves it into the model. The file is
 * compiled by tsx, so it works the same under the CLI and inside Vitest. Every failure, from a
 * missing file to a bad value, is a `ConfigError` that names the file.
 */
export async function loadConfig(path: string): Promise<AppModel> {
  const file = resolvePath(path);
  const config = await importDefault(file);
  try {
    return resolveConfig(config as Parameters<typeof resolveConfig>[0], { configDir: dirname(file) });
  } catch (error) {
    if (error instanceof ConfigError) throw error.withFile(file);
    throw error;
  }
}

async function importDefault(file: string): Promise<unknown> {
  const found = await stat(file).catch(() => undefined);
  if (found === undefined || !found.isFile()) {
    throw new ConfigError(
      [
        issue(
          '',
          'no config file here',
          `create it (start from an example with \`slipway init\`) or pass --config <path>`,
        ),
      ],
      file,
    );
  }
  let module: Record<string, unknown>;
  try {
    module = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([loadFailure(error)], file);
  }
  const exported = unwrapDefault(module.default);
  if (exported === undefined) {
    throw new ConfigError(
      [
        issue(
          '',
          'has no default export',
          "end the file with `export default defineConfig({ ... })`, importing defineConfig from 'slipway'",
        ),
      ],
      file,
    );
  }
  return exported;
}

/** Compiled as CommonJS, `default` is the whole exports object, marked `__esModule`. */
function unwrapDefault(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    (value as { __esModule?: unknown }).__esModule === true
  ) {
    return (value as { default?: unknown }).default;
  }
  return value;
}

/** A compile error names its line; anything else thrown while the file ran is reported as is. */
function loadFailure(error: unknown) {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  // esbuild puts "file:line:column: ERROR: …" on the line after its summary.
  const firstLine = lines.find((line) => line.includes('ERROR:')) ?? lines[0] ?? text;
  if (/Transform failed|SyntaxError|Expected|Unexpected/.test(text)) {
    return issue(
      '',
      `could not be compiled: ${firstLine.trim()}`,
      'fix the syntax error at the line and column shown',
    );
  }
  if (/Cannot find (module|package)/.test(text)) {
    return issue(
      '',
      `imports something that is not installed: ${firstLine.trim()}`,
      'install the package or correct the import',
    );
  }
  return issue('', `threw while loading: ${firstLine.trim()}`, 'fix the code in the config that throws');
}
