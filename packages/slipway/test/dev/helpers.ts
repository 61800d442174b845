import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SlipwayConfig } from '../../src/config/schema.js';
import type { DevEvent, DevReporter } from '../../src/dev/events.js';

/** Folder of the stand-in service: the configDir of the configs built here. */
export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The repository root, where the examples live. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

export const MEDICATIONS_CONFIG = path.join(REPO_ROOT, 'examples/medications/slipway.config.ts');

/** Runs the stand-in service (fixtures/stand-in-service.mjs) with the current Node. */
export const STAND_IN = `"${process.execPath}" stand-in-service.mjs`;

/** A fresh empty folder under the system's temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `slipway-dev-${prefix}-`));
}

/** A reporter that keeps every event, with helpers to find the ones a test asserts on. */
export function recorder() {
  const events: DevEvent[] = [];
  const reporter: DevReporter = (event) => {
    events.push(event);
  };
  return {
    events,
    reporter,
    kinds: () => events.map((e) => e.kind),
    warnings: () => events.flatMap((e) => (e.kind === 'warning' ? [e.message] : [])),
    lines: (service: string) =>
      events.flatMap((e) => (e.kind === 'log' && e.service === service ? [e.line] : [])),
    of: <K extends DevEvent['kind']>(kind: K) =>
      events.filter((e): e is Extract<DevEvent, { kind: K }> => e.kind === kind),
  };
}

/** The smallest config with one non-production environment; services and secrets come from the test. */
export function configWith(parts: Pick<SlipwayConfig, 'services' | 'secrets' | 'databases'>): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    ...parts,
    environments: {
      dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
    },
  };
}
