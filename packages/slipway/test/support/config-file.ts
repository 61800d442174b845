import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel } from '../../src/model/types.js';

/** A config written as a user would write it, loaded through the same loader the CLI uses. */
export interface ConfigFile {
  /** The `slipway.config.ts` path, for command lines. */
  readonly path: string;
  /** The loaded model; set once the file's `beforeAll` has run. */
  readonly model: AppModel;
}

/**
 * Writes `text` as a `slipway.config.ts` in a folder of its own before the test file's tests,
 * loads it, and removes the folder after them.
 */
export function useConfigFile(text: string, prefix = 'slipway-config-'): ConfigFile {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = { path: path.join(dir, 'slipway.config.ts'), model: undefined as unknown as AppModel };
  beforeAll(async () => {
    writeFileSync(file.path, text);
    file.model = await loadConfig(file.path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return file;
}
