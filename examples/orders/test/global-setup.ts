import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The kit's sources by path, not `slipway/kit`: Vitest runs global setup in its own process, whose
// Node resolution does not take the repository's `slipway-source` export condition.
import { startLocalCloud, stopLocalCloud } from '../../../packages/slipway/src/kit.js';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the emulator whose DynamoDB the services use. */
    dynamoEndpoint: string;
  }
}

/** Starts the emulator the services' DynamoDB calls go to, and stops it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'orders-emulator-'));
  const cloud = await startLocalCloud({ stateDir });
  project.provide('dynamoEndpoint', cloud.endpoint);
  return async () => {
    await stopLocalCloud({ stateDir });
  };
}
