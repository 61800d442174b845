import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmulatorDelays } from './emulator-delays.js';

/** What `slipway local start` records, so later commands find the running emulator. */
export interface LocalCloudState {
  /** Process id of the emulator (the Python process Slipway started). */
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly motoVersion: string;
  /** ISO time it was started. */
  readonly startedAt: string;
  /** Where its output goes, for diagnosing a failed start. */
  readonly logFile: string;
  /** The waits it was started with (all 0 when off); absent in state files from before they existed. */
  readonly delays?: EmulatorDelays;
}

/** Where Slipway keeps local state (emulator, deploy assemblies) unless told otherwise. */
export const DEFAULT_STATE_DIR = '.slipway';

export function stateFilePath(stateDir: string): string {
  return path.join(path.resolve(stateDir), 'local-cloud.json');
}

export function logFilePath(stateDir: string): string {
  return path.join(path.resolve(stateDir), 'local-cloud.log');
}

export function readState(stateDir: string): LocalCloudState | undefined {
  try {
    return JSON.parse(readFileSync(stateFilePath(stateDir), 'utf8')) as LocalCloudState;
  } catch {
    return undefined;
  }
}

export function writeState(stateDir: string, state: LocalCloudState): void {
  mkdirSync(path.resolve(stateDir), { recursive: true });
  writeFileSync(stateFilePath(stateDir), `${JSON.stringify(state, null, 2)}\n`);
}

export function clearState(stateDir: string): void {
  rmSync(stateFilePath(stateDir), { force: true });
}
