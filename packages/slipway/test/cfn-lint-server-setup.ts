import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CFN_LINT_SERVER_VARIABLE, cfnLintPython } from './support/cfn-lint.js';

const SERVER_SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../scripts/cfn-lint-server.py',
);

/** The regions the tests lint in most; the server loads their tables of types before the first request. */
const WARM_REGIONS = [
  'us-east-1',
  'eu-west-1',
  'eu-central-1',
  'us-west-2',
  'af-south-1',
  'ap-east-2',
  'ca-west-1',
];

/** Warming imports cfn-lint and lints a template per region: seconds, more on a busy machine. */
const START_TIMEOUT_MS = 120_000;

/**
 * Starts one warm cfn-lint server for the whole run (`scripts/cfn-lint-server.py`) and passes its
 * socket to the workers in {@link CFN_LINT_SERVER_VARIABLE}: each lint call then costs a fork of a
 * warm process instead of a three-second cold start. A server that does not start fails the run
 * with its reason rather than leaving the tests to the slow path unnoticed.
 */
export default async function setup(): Promise<() => void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'slipway-cfn-lint-'));
  const socket = path.join(folder, 'server.sock');
  const server = spawn(cfnLintPython(), [SERVER_SCRIPT, socket, ...WARM_REGIONS], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): void => {
    server.kill();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const interpreter = await serverReady(server);
    process.env[CFN_LINT_SERVER_VARIABLE] = socket;
    // The client needs no cfn-lint, but this interpreter skips a version manager's shim per call.
    process.env['SLIPWAY_CFN_LINT_PYTHON'] ??= interpreter;
  } catch (error) {
    stop();
    throw error;
  }
  return () => {
    delete process.env[CFN_LINT_SERVER_VARIABLE];
    stop();
  };
}

/** Resolves with the server's Python once it prints `ready <python>`; rejects with its stderr if it exits first. */
function serverReady(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (reason: string): void => {
      clearTimeout(timer);
      reject(
        new Error(
          `The cfn-lint server (${SERVER_SCRIPT}) did not start: ${reason}.\n${stderr.slice(-4000)}\n` +
            "Fix: install cfn-lint in the Python it runs in (python3, or SLIPWAY_CFN_LINT_PYTHON's), " +
            'then run the tests again.',
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`no "ready" line within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    server.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const ready = /^ready (.+)\n/m.exec(stdout);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      server.removeAllListeners('exit');
      resolve(ready[1]);
    });
    server.on('error', (error) => fail(`${cfnLintPython()} could not be started (${error.message})`));
    server.on('exit', (code, signal) => fail(`it exited (${signal ?? `exit ${code}`}) before it was ready`));
  });
}
