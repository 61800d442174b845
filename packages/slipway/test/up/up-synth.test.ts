import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { planAndDeployUp } from '../../src/cli/commands/up-deploy.js';
import { loadConfig } from '../../src/config/load.js';
import { useEmulator } from '../local-cloud/emulator.js';

const config = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');
const out = mkdtempSync(path.join(tmpdir(), 'slipway-up-synth-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe("slipway up's plan and deploy", () => {
  const emulator = useEmulator();

  it('synthesizes the app once: the plan prices and checks the templates the deploy then deploys', async () => {
    const model = await loadConfig(config);
    // Every synthesis goes through the CDK app's synth, whichever path (plan or toolkit) asks for it.
    const synths = vi.spyOn(App.prototype, 'synth');
    let printed = '';
    const io: CliIo = {
      out: (text) => (printed += text),
      err: (text) => (printed += text),
      progress: undefined,
    };
    const exits: number[] = [];

    const result = await planAndDeployUp(model, 'dev', { out, stateDir: emulator.stateDir }, io, (code) =>
      exits.push(code),
    );

    expect(synths).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([]);
    expect(printed).toMatch(/dev\s+us-east-1\s+≈ \$\d+\.\d\d \/ month/);
    expect(printed).toContain('No unacknowledged error findings');
    // The templates the plan reports are the deployed assembly's, written where `--out` says.
    expect(printed).toContain(`Templates written to ${out}`);
    expect(result?.stacks.map((s) => s.name)).toContain('medications-dev-network');
    expect(result?.stacks.every((s) => s.action === 'created')).toBe(true);
  });
});
