import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readState } from '../src/local-cloud/state-file.js';

/**
 * Where the test workers keep their emulators (`test/local-cloud/emulator.ts`), one folder each.
 * The workers inherit it through the environment; after the run every emulator found there is
 * stopped, since a worker is ended by its pool without running exit handlers, and an emulator is a
 * detached process that would outlive it.
 */
export const EMULATORS_VARIABLE = 'SLIPWAY_TEST_EMULATORS';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'slipway-test-emulators-'));
  process.env[EMULATORS_VARIABLE] = root;
  return () => {
    for (const folder of readdirSync(root)) {
      const pid = readState(path.join(root, folder))?.pid;
      if (pid === undefined || pid <= 0) continue;
      try {
        process.kill(pid);
      } catch {
        // Already gone.
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
}
