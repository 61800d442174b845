import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_CLI } from '../source-cli.js';

// A user who installed slipway from npm may not have moto yet. Every command that needs the local
// emulator must say so, with the install line, and exit as a usage problem: not crash with a stack.

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CONFIG = path.join(ROOT, 'examples/medications/slipway.config.ts');
/** Its dev environment has tables, which `slipway dev` keeps on the emulator. */
const WITH_TABLES = path.join(ROOT, 'examples/orders/slipway.config.ts');
const work = mkdtempSync(path.join(tmpdir(), 'slipway-no-moto-'));
/** A PATH with no moto_server, python3 or python on it. */
const emptyPath = mkdtempSync(path.join(work, 'bin-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function slipwayWithoutPython(...args: string[]) {
  const { SLIPWAY_PYTHON: _chosen, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [...SOURCE_CLI, ...args, '--state-dir', path.join(work, 'state')], {
    cwd: ROOT,
    env: { ...inherited, PATH: emptyPath, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stderr: run.stderr };
}

const MISSING = /moto_server was not found on PATH: .*Fix: `pip install 'moto\[server\]>=5\.2,<6'`/;

describe('a command that needs the local emulator, on a machine without moto', () => {
  it.each([
    ['slipway up', ['up', '--config', CONFIG]],
    ['slipway local start', ['local', 'start']],
    [
      'slipway dev, for tables',
      ['dev', '--config', WITH_TABLES, '--port', '0', '--data-dir', path.join(work, 'data')],
    ],
    [
      'slipway deploy --target local',
      ['deploy', '--config', CONFIG, '--env', 'dev', '--target', 'local', '--yes'],
    ],
  ])('%s names moto and how to install it, and exits 2', (_name, args) => {
    const run = slipwayWithoutPython(...args);
    expect(run.stderr).toMatch(MISSING);
    expect(run.stderr).not.toContain('failed unexpectedly');
    expect(run.code).toBe(2);
  });
});
