import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGIONS, zoneNames } from '../config/data/regions.js';
import { delayEnvironment, type EmulatorDelays, emulatorDelays } from './emulator-delays.js';
import { LocalCloudError } from './errors.js';
import { assertPortFree, freePort, LOOPBACK } from './free-port.js';
import { findMotoPython } from './python.js';
import {
  clearState,
  DEFAULT_STATE_DIR,
  type LocalCloudState,
  logFilePath,
  readState,
  writeState,
} from './state-file.js';

/** The Python entry that patches moto and runs its server (see `moto/server.py`). */
const SERVER_SCRIPT = fileURLToPath(new URL('./moto/server.py', import.meta.url));

/**
 * Every region and zone the config accepts, as JSON (region to zone names): moto's own tables are
 * older than AWS's, and `slipway_moto/accepted_regions.py` adds what they lack.
 */
function regionZones(): string {
  return JSON.stringify(
    Object.fromEntries(Object.keys(REGIONS).map((region) => [region, zoneNames(region)])),
  );
}

export interface LocalCloudOptions {
  /** Folder for the state file and the emulator's log. @default '.slipway' */
  readonly stateDir?: string;
  /** Port on 127.0.0.1. @default a free port chosen by the system */
  readonly port?: number;
  /** Environment the emulator is started with and Python is looked up in. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** How long to wait for the emulator to answer before giving up. @default 30 000 ms */
  readonly startTimeoutMs?: number;
}

/** Whether the emulator of a state folder is up, and where. */
export interface LocalCloudStatus {
  readonly running: boolean;
  /** `http://127.0.0.1:<port>` when running. */
  readonly endpoint?: string;
  readonly pid?: number;
  readonly motoVersion?: string;
  /** The waits it was started with, when running (`emulator-delays.ts`). */
  readonly delays?: EmulatorDelays;
}

/** A running emulator; `started` is false when one was already running and was reused. */
export interface LocalCloud extends LocalCloudState {
  readonly started: boolean;
}

/**
 * Starts the emulator (moto with Slipway's patches) in the background on a loopback port and
 * records it in `<stateDir>/local-cloud.json`; returns the running one when there is already one.
 */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  const existing = await runningState(stateDir);
  if (existing) {
    if (options.port !== undefined && options.port !== existing.port) {
      throw new LocalCloudError(
        'port-busy',
        `--port ${options.port}: the local emulator already runs on port ${existing.port}. ` +
          'Fix: use it as it is, or `slipway local stop` first.',
      );
    }
    return { ...existing, started: false };
  }
  const env = options.env ?? process.env;
  const delays = emulatorDelays(env);
  const python = findMotoPython(env);
  if (options.port !== undefined) await assertPortFree(options.port);
  const port = options.port ?? (await freePort());
  const endpoint = `http://${LOOPBACK}:${port}`;
  const logFile = logFilePath(stateDir);
  mkdirSync(path.dirname(logFile), { recursive: true });

  const log = openSync(logFile, 'w');
  const child = spawn(python.command, [SERVER_SCRIPT, '--host', LOOPBACK, '--port', String(port)], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...env, ...delayEnvironment(delays), PYTHONUNBUFFERED: '1', SLIPWAY_REGION_ZONES: regionZones() },
  });
  closeSync(log);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  child.once('error', () => {
    exited = -1;
  });
  // The emulator outlives this process; `slipway local stop` ends it by its pid.
  child.unref();

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) throw startFailure(port, logFile);
    if (await answers(endpoint)) {
      const state: LocalCloudState = {
        pid: child.pid ?? -1,
        port,
        endpoint,
        motoVersion: python.motoVersion,
        startedAt: new Date().toISOString(),
        logFile,
        delays,
      };
      writeState(stateDir, state);
      return { ...state, started: true };
    }
    await sleep(100);
  }
  if (child.pid) process.kill(child.pid, 'SIGTERM');
  throw new LocalCloudError(
    'start-failed',
    `The local emulator did not answer on ${endpoint} within ${Math.round((options.startTimeoutMs ?? 30_000) / 1000)} s. ` +
      `Fix: see its log (${logFile}); on a slow machine try again.`,
  );
}

/** Stops the emulator Slipway started for this state folder; false when none was running. */
export async function stopLocalCloud(options: LocalCloudOptions = {}): Promise<boolean> {
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  const state = readState(stateDir);
  if (!state) return false;
  const wasAlive = alive(state.pid);
  if (wasAlive) {
    process.kill(state.pid, 'SIGTERM');
    for (let i = 0; i < 50 && alive(state.pid); i++) await sleep(100);
    if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  clearState(stateDir);
  return wasAlive;
}

export async function localCloudStatus(options: LocalCloudOptions = {}): Promise<LocalCloudStatus> {
  const state = await runningState(options.stateDir ?? DEFAULT_STATE_DIR);
  return state
    ? {
        running: true,
        endpoint: state.endpoint,
        pid: state.pid,
        motoVersion: state.motoVersion,
        delays: state.delays,
      }
    : { running: false };
}

/** The running emulator of this state folder, or a clear error saying how to start one. */
export async function requireLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloudState> {
  const state = await runningState(options.stateDir ?? DEFAULT_STATE_DIR);
  if (!state) {
    throw new LocalCloudError(
      'not-running',
      'The local emulator is not running. Fix: `slipway local start` (or `slipway deploy --target local`, which starts it).',
    );
  }
  return state;
}

/** Empties the emulator (every account, region and resource) without restarting it. */
export async function resetLocalCloud(options: LocalCloudOptions = {}): Promise<void> {
  const state = await requireLocalCloud(options);
  const response = await fetch(`${state.endpoint}/moto-api/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`The local emulator refused the reset: HTTP ${response.status}.`);
}

async function runningState(stateDir: string): Promise<LocalCloudState | undefined> {
  const state = readState(stateDir);
  if (!state) return undefined;
  if (alive(state.pid) && (await answers(state.endpoint))) return state;
  // The process is gone (reboot, killed): the record is stale.
  if (!alive(state.pid)) clearState(stateDir);
  return undefined;
}

function alive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function startFailure(port: number, logFile: string): LocalCloudError {
  const log = readLog(logFile);
  if (/Address already in use|Errno 98/.test(log)) {
    return new LocalCloudError(
      'port-busy',
      `--port ${port}: another process took ${LOOPBACK}:${port} as the emulator started. ` +
        'Fix: run again (a free port is chosen) or pass another --port.',
    );
  }
  const tail = log.trim().split('\n').slice(-8).join('\n');
  return new LocalCloudError(
    'start-failed',
    `The local emulator exited while starting. Its last output (${logFile}):\n${tail}\n` +
      'Fix: the lines above name the cause; a moto other than 5.x may need `pip install "moto[server]>=5.2,<6"`.',
  );
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
