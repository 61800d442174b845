import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_CLI } from '../source-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'slipway-up-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children.filter((c) => c.exitCode === null)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  rmSync(work, { recursive: true, force: true });
});

/** `slipway up` on an example, in its own folders, until `service` answers; its URL and output so far. */
async function up(example: string, service: string) {
  const dir = path.join(work, example);
  const stateDir = path.join(dir, 'state');
  const child = spawn(
    process.execPath,
    [
      ...SOURCE_CLI,
      'up',
      '--config',
      path.join(ROOT, 'examples', example, 'slipway.config.ts'),
      '--port',
      '0',
      '--state-dir',
      stateDir,
      '--data-dir',
      path.join(dir, 'data'),
      '--out',
      path.join(dir, 'out'),
    ],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let output = '';
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = new RegExp(`${service} answers at (http://localhost:\\d+)`).exec(output);
      if (found?.[1]) resolve(found[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exitCode.then((code) => reject(new Error(`slipway up exited (${code}) early:\n${output}`)));
  });
  const state = JSON.parse(readFileSync(path.join(stateDir, 'local-cloud.json'), 'utf8')) as { pid: number };
  return { child, url, output: () => output, exitCode, stateDir, emulatorPid: state.pid };
}

/** Ctrl-C stops the services and the emulator, and leaves no state file behind. */
async function expectCleanStop(run: Awaited<ReturnType<typeof up>>): Promise<void> {
  run.child.kill('SIGINT');
  expect(await run.exitCode).toBe(0);
  expect(isAlive(run.emulatorPid)).toBe(false);
  expect(existsSync(path.join(run.stateDir, 'local-cloud.json'))).toBe(false);
}

describe('slipway up', () => {
  it('plans medications, deploys dev to the local emulator, serves the API, and stops everything on Ctrl-C', async () => {
    const run = await up('medications', 'api');
    // What the plan and the deploy printed before the services started.
    expect(run.output()).toMatch(/dev\s+us-east-1\s+≈ \$\d+\.\d\d \/ month \(\d+ figures? unverified\)/);
    expect(run.output()).toContain('No unacknowledged error findings');
    expect(run.output()).toMatch(/medications-dev-network\s+create/);
    // Dev is on the HTTP API (nothing in medications needs the load balancer): its address is the API's.
    expect(run.output()).toMatch(/medications-dev-runtime\s+Url\s+https:\/\/\S+/);
    expect(run.output()).not.toContain('LoadBalancerDnsName');
    expect(isAlive(run.emulatorPid)).toBe(true);

    const created = await fetch(`${run.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'aspirin', quantity: 2 }),
    });
    expect(created.status).toBe(201);
    await expectCleanStop(run);
  });

  it('deploys goapp (seed 001, EKS) to the emulator and serves its Go service from source', async () => {
    const run = await up('goapp', 'web');
    expect(run.output()).toMatch(/goapp-dev-cluster\s+create/);
    expect(run.output()).toContain('no Kubernetes');
    const response = await fetch(`${run.url}/`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ app: 'goapp' });
    expect((await fetch(`${run.url}/healthz`)).status).toBe(200);
    await expectCleanStop(run);
  });

  it('deploys orders (seed 003), runs its services on the deployed tables, and the orders stream calls notify', async () => {
    const run = await up('orders', 'orders');
    await waitFor(() => run.output().includes('Ctrl-C stops everything.'), run.output);
    // The tables are the ones CloudFormation made, not copies.
    expect(run.output()).toContain('table orders as orders-dev-orders (already there)');
    expect(run.output()).toContain('table stock as orders-dev-stock (already there)');
    expect(run.output()).toMatch(/function notify\s+stream of table orders/);
    const inventory = /inventory answers at (http:\/\/localhost:\d+)/.exec(run.output())?.[1];
    const json = { 'content-type': 'application/json' };
    await fetch(`${inventory}/inventory/cup`, { method: 'PUT', headers: json, body: '{"available":4}' });
    const placed = await fetch(`${run.url}/orders`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ customerId: 'c-3', items: [{ sku: 'cup', quantity: 1, priceCents: 300 }] }),
    });
    expect(placed.status).toBe(201);
    const { orderId } = (await placed.json()) as { orderId: string };
    await waitFor(() => new RegExp(`notify\\s+│ .*"orderId":"${orderId}"`).test(run.output()), run.output);
    await expectCleanStop(run);
  });
});

async function waitFor(check: () => boolean, seen: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${seen()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
