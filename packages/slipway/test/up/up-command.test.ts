import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BIN = path.join(ROOT, 'packages/slipway/bin/slipway.js');
const CONFIG = path.join(ROOT, 'examples/medications/slipway.config.ts');
const work = mkdtempSync(path.join(tmpdir(), 'slipway-up-'));
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  rmSync(work, { recursive: true, force: true });
});

describe('slipway up on examples/medications', () => {
  it('plans, deploys dev to the local emulator, serves the API, and stops everything on Ctrl-C', async () => {
    const stateDir = path.join(work, 'state');
    child = spawn(
      process.execPath,
      [
        BIN,
        'up',
        '--config',
        CONFIG,
        '--port',
        '0',
        '--state-dir',
        stateDir,
        '--data-dir',
        path.join(work, 'data'),
        '--out',
        path.join(work, 'out'),
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const exitCode = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /api answers at (http:\/\/localhost:\d+)/.exec(output);
        if (found?.[1]) resolve(found[1]);
      };
      child?.stdout?.on('data', read);
      child?.stderr?.on('data', read);
      void exitCode.then((code) => reject(new Error(`slipway up exited (${code}) early:\n${output}`)));
    });

    const api = await url;
    // What the plan and the deploy printed before the services started.
    expect(output).toMatch(/dev\s+us-east-1\s+≈ \$\d+\.\d\d \/ month \(\d+ figures? unverified\)/);
    expect(output).toContain('No unacknowledged error findings');
    expect(output).toMatch(/medications-dev-network\s+create/);
    expect(output).toContain('LoadBalancerDnsName');
    const state = JSON.parse(readFileSync(path.join(stateDir, 'local-cloud.json'), 'utf8')) as {
      pid: number;
    };
    expect(isAlive(state.pid)).toBe(true);

    const created = await fetch(`${api}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'aspirin', quantity: 2 }),
    });
    expect(created.status).toBe(201);

    child.kill('SIGINT');
    expect(await exitCode).toBe(0);
    expect(isAlive(state.pid)).toBe(false);
    expect(existsSync(path.join(stateDir, 'local-cloud.json'))).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
