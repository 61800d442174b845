import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalCloudError } from '../../src/local-cloud/errors.js';
import { localCloudStatus, startLocalCloud, stopLocalCloud } from '../../src/local-cloud/launcher.js';
import { runCli } from '../cli/run-cli.js';

const stateDir = () => mkdtempSync(path.join(tmpdir(), 'slipway-local-'));

describe('slipway local', () => {
  const dir = stateDir();

  afterAll(async () => {
    await stopLocalCloud({ stateDir: dir });
  });

  it('starts the emulator, reports it as JSON, reuses it, and stops it', async () => {
    expect(JSON.parse((await runCli('local', 'status', '--json', '--state-dir', dir)).stdout)).toEqual({
      running: false,
      endpoint: null,
      delays: null,
    });

    const started = await runCli('local', 'start', '--state-dir', dir);
    expect(started.code).toBe(0);
    expect(started.stdout).toMatch(/Local emulator started on http:\/\/127\.0\.0\.1:\d+/);
    expect(started.stdout).toContain('no containers run');

    const status = JSON.parse((await runCli('local', 'status', '--json', '--state-dir', dir)).stdout);
    expect(status).toEqual({
      running: true,
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      // Started without SLIPWAY_EMULATOR_* (the suite sets none): nothing waits.
      delays: { stack: 0, service: 0, canaryBake: 0 },
    });
    expect(started.stdout).not.toContain('reported in progress');
    const answer = await fetch(`${status.endpoint}/moto-api/`);
    expect(answer.ok).toBe(true);

    const again = await startLocalCloud({ stateDir: dir });
    expect(again.started).toBe(false);
    expect(again.endpoint).toBe(status.endpoint);

    const stopped = await runCli('local', 'stop', '--state-dir', dir);
    expect(stopped.stdout).toBe('Local emulator stopped.\n');
    expect((await localCloudStatus({ stateDir: dir })).running).toBe(false);
    await expect(fetch(`${status.endpoint}/moto-api/`)).rejects.toThrow();
  });

  it('refuses a busy port, naming it and the fix', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCli('local', 'start', '--port', String(port), '--state-dir', stateDir());
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--port ${port}: another process already listens on 127.0.0.1:${port}`);
      expect(run.stderr).toContain('Fix: leave --port out');
    } finally {
      blocker.close();
    }
  });

  it('says how to install moto when the Python it is told to use lacks it', async () => {
    const attempt = startLocalCloud({
      stateDir: stateDir(),
      env: { ...process.env, SLIPWAY_PYTHON: '/usr/bin/python3' },
    });
    await expect(attempt).rejects.toBeInstanceOf(LocalCloudError);
    await expect(
      startLocalCloud({ stateDir: stateDir(), env: { ...process.env, SLIPWAY_PYTHON: '/usr/bin/python3' } }),
    ).rejects.toThrow("SLIPWAY_PYTHON=/usr/bin/python3 cannot run moto's server. Fix: install it there");
  });

  it('says moto_server is missing when no Python on PATH has it', async () => {
    const attempt = startLocalCloud({ stateDir: stateDir(), env: { PATH: '/usr/bin:/bin' } });
    await expect(attempt).rejects.toThrow(
      /moto_server was not found on PATH: .* Fix: `pip install 'moto\[server\]>=5\.2,<6'`/,
    );
  });
});
