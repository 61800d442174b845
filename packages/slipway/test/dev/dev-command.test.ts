import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SOURCE_CLI } from '../source-cli.js';
import { MEDICATIONS_CONFIG, REPO_ROOT, tempDir } from './helpers.js';

interface DevRun {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The API's URL, once `slipway dev` prints that it answers. */
  readonly url: Promise<string>;
  readonly exitCode: Promise<number | null>;
}

const started: ChildProcess[] = [];

/** Runs `slipway dev` as a user does, in its own process, so Ctrl-C is a real signal. */
function slipwayDev(dataDir: string): DevRun {
  const child = spawn(
    process.execPath,
    [...SOURCE_CLI, 'dev', '--config', MEDICATIONS_CONFIG, '--port', '0', '--data-dir', dataDir],
    { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /api answers at (http:\/\/localhost:\d+)/.exec(stderr);
      if (found?.[1]) resolve(found[1]);
    });
    void exitCode.then((code) =>
      reject(new Error(`slipway dev exited (${code}) early:\n${stderr}\n${stdout}`)),
    );
  });
  return { child, stdout: () => stdout, stderr: () => stderr, url, exitCode };
}

const dataDirs: string[] = [];

afterEach(async () => {
  // After a failed assertion: SIGTERM first, so slipway stops the services it runs in their own
  // process groups (a SIGKILL would leave them behind).
  for (const child of started.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('slipway dev on examples/medications', () => {
  it('serves the API on the embedded database, stops on Ctrl-C, and keeps the data for the next run', async () => {
    const dataDir = tempDir('medications');
    dataDirs.push(dataDir);
    const first = slipwayDev(dataDir);
    const url = await first.url;
    const created = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ibuprofen', quantity: 12 }),
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: number; name: string };
    const listed = (await (await fetch(`${url}/items`)).json()) as { id: number; name: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ id: item.id, name: 'ibuprofen', quantity: 12 }));

    // The service migrated its own schema at boot, under its advisory lock, over the socket.
    expect(first.stdout()).toMatch(
      /^api │ .*"migration":"0001_create_items\.sql".*"msg":"migration applied"/m,
    );
    expect(first.stderr()).toContain('DATABASE_POOL_MAX, DATABASE_URL, LOG_LEVEL, PORT, SHUTDOWN_DELAY_MS');
    expect(
      first
        .stdout()
        .split('\n')
        .filter(Boolean)
        .every((line) => line.startsWith('api │ ')),
    ).toBe(true);

    first.child.kill('SIGINT');
    expect(await first.exitCode).toBe(0);
    const stopping = first.stderr();
    expect(stopping).toContain('stopping (Ctrl-C)');
    // The service drains before the database it uses goes away.
    expect(stopping.indexOf('✓ api stopped')).toBeGreaterThan(-1);
    expect(stopping.indexOf('✓ api stopped')).toBeLessThan(stopping.indexOf('✓ database main closed'));
    expect(first.stdout()).toMatch(/"reason":"SIGTERM".*"msg":"stopping"/);

    const second = slipwayDev(dataDir);
    const again = await second.url;
    const kept = (await (await fetch(`${again}/items/${item.id}`)).json()) as { name: string };
    expect(kept).toMatchObject({ id: item.id, name: 'ibuprofen', quantity: 12 });
    expect(second.stderr()).toContain('opening the embedded PostgreSQL');
    expect(second.stdout()).toMatch(/"alreadyApplied":1.*"msg":"migrations up to date"/);

    second.child.kill('SIGTERM');
    expect(await second.exitCode).toBe(0);
    expect(second.stderr()).toContain('✓ database main closed');
  });
});
