import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/deploy/connection.js';
import { resetLocalCloud, startLocalCloud, stopLocalCloud } from '../../src/local-cloud/launcher.js';
import { type CliRun, runCli } from '../cli/run-cli.js';

/** The emulator a test file uses: started once, emptied before each test, stopped at the end. */
export interface TestEmulator {
  /** The state folder to pass as `--state-dir` / `stateDir`. */
  readonly stateDir: string;
  /** `http://127.0.0.1:<port>`; set once the file's `beforeAll` has run. */
  endpoint: string;
  /** SDK client settings for it in a region. */
  config(region?: string): { region: string; endpoint: string; credentials: typeof LOCAL_CREDENTIALS };
  /** A `slipway` command line run in process against this emulator (`--target local --state-dir …`). */
  cli(command: string, config: string, env: string, ...extra: string[]): Promise<CliRun>;
}

export function useEmulator(): TestEmulator {
  const emulator: TestEmulator = {
    stateDir: mkdtempSync(path.join(tmpdir(), 'slipway-emulator-')),
    endpoint: '',
    config(region = 'us-east-1') {
      return { region, endpoint: this.endpoint, credentials: LOCAL_CREDENTIALS };
    },
    cli(command, config, env, ...extra) {
      return runCli(
        command,
        '--config',
        config,
        '--env',
        env,
        '--target',
        'local',
        '--state-dir',
        this.stateDir,
        ...extra,
      );
    },
  };
  beforeAll(async () => {
    emulator.endpoint = (await startLocalCloud({ stateDir: emulator.stateDir })).endpoint;
  });
  beforeEach(async () => {
    await resetLocalCloud({ stateDir: emulator.stateDir });
  });
  afterAll(async () => {
    await stopLocalCloud({ stateDir: emulator.stateDir });
  });
  return emulator;
}
