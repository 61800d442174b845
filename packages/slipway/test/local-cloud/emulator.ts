import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/deploy/connection.js';
import { resetLocalCloud, startLocalCloud } from '../../src/local-cloud/launcher.js';
import { EMULATORS_VARIABLE } from '../emulators-teardown.js';
import { type CliRun, runCli } from '../cli/run-cli.js';

/** The emulator a test file uses: its worker's, emptied before each test. */
export interface TestEmulator {
  /** The state folder to pass as `--state-dir` / `stateDir`. */
  readonly stateDir: string;
  /** `http://127.0.0.1:<port>`; set once the file's `beforeAll` has run. */
  endpoint: string;
  /** Deploy, diff and preview options that aim at it. */
  target(): { target: 'local'; stateDir: string };
  /** SDK client settings for it in a region. */
  config(region?: string): { region: string; endpoint: string; credentials: typeof LOCAL_CREDENTIALS };
  /** A `slipway` command line run in process against this emulator (`--target local --state-dir …`). */
  cli(command: string, config: string, env: string, ...extra: string[]): Promise<CliRun>;
}

/**
 * The worker's one emulator. Test files in a worker share modules (`isolate: false`), so the first
 * file that asks starts it and the rest reuse it, emptied before each test: starting moto costs
 * about 3 s of CPU, paid once per worker instead of once per file. The run's teardown stops it.
 */
let worker: { readonly stateDir: string } | undefined;

function workerEmulator(): { readonly stateDir: string; start(): Promise<string> } {
  if (worker === undefined) {
    // Under the run's folder, whose emulators the global teardown stops (test/emulators-teardown.ts).
    const root = process.env[EMULATORS_VARIABLE] ?? tmpdir();
    worker = { stateDir: mkdtempSync(path.join(root, 'slipway-emulator-')) };
  }
  const shared = worker;
  return {
    stateDir: shared.stateDir,
    // Reuses the running emulator, or starts it again if a test's command stopped it.
    async start() {
      return (await startLocalCloud({ stateDir: shared.stateDir })).endpoint;
    },
  };
}

export function useEmulator(): TestEmulator {
  const shared = workerEmulator();
  const emulator: TestEmulator = {
    stateDir: shared.stateDir,
    endpoint: '',
    target() {
      return { target: 'local', stateDir: this.stateDir };
    },
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
    emulator.endpoint = await shared.start();
  });
  beforeEach(async () => {
    // As fresh as a new emulator: no AWS state, and no assembly an earlier file's deploy left.
    await resetLocalCloud({ stateDir: emulator.stateDir });
    rmSync(path.join(emulator.stateDir, 'assembly'), { recursive: true, force: true });
  });
  return emulator;
}
