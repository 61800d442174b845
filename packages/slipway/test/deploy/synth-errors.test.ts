import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { useEmulator } from '../local-cloud/emulator.js';

/**
 * A config that loads and validates, but whose `broken` environment sets PORT to another port
 * than the service's: the service stack refuses it while it is built, inside toolkit-lib's synth.
 */
function configWithBuildError(broken: 'staging' | 'prod'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-synth-error-'));
  const file = path.join(dir, 'slipway.config.ts');
  const wrongPort = "services: { web: { environment: { PORT: '9090' } } },";
  writeFileSync(
    file,
    `export default {
      app: 'shop',
      github: { repository: 'acme/shop' },
      databases: { main: { databaseName: 'shop', appUsername: 'shop_app' } },
      services: { web: { port: 8080, healthPath: '/healthz', database: 'main' } },
      environments: {
        staging: {
          account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'],
          network: { natGateways: 0 },
          ${broken === 'staging' ? wrongPort : ''}
        },
        prod: {
          production: true, account: '222222222222', region: 'us-east-1',
          availabilityZones: ['us-east-1a', 'us-east-1b'],
          ${broken === 'prod' ? wrongPort : ''}
        },
      },
    };`,
  );
  return file;
}

describe('a config error found while synthesizing inside the toolkit', () => {
  const emulator = useEmulator();
  const local = ['--target', 'local', '--state-dir', emulator.stateDir];

  /** Exit 2 with the field, the problem and the fix, as `plan` reports it; no stack trace. */
  function expectConfigError(run: { code: number; stderr: string }, env: string): void {
    expect(run.stderr).not.toContain('failed unexpectedly');
    expect(run.stderr).toContain(
      `environments.${env}.services.web.environment.PORT: PORT is 9090 but the service's port is 8080`,
    );
    expect(run.stderr).toContain('Fix: Remove PORT from environment');
    expect(run.code).toBe(2);
  }

  async function deployedStacks(): Promise<string[]> {
    const answer = await new CloudFormationClient(emulator.config()).send(new ListStacksCommand({}));
    return (answer.StackSummaries ?? []).map((s) => s.StackName ?? '');
  }

  it('is reported by `plan` with the field and the fix (the reference)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'slipway-synth-error-out-'));
    expectConfigError(await runCli('plan', '--config', configWithBuildError('prod'), '--out', out), 'prod');
  });

  it('is reported the same way by `diff` of another environment', async () => {
    const config = configWithBuildError('prod');
    expectConfigError(await runCli('diff', '--config', config, '--env', 'staging', ...local), 'prod');
  });

  it('is reported the same way by `deploy` of another environment, before anything is deployed', async () => {
    const config = configWithBuildError('prod');
    expectConfigError(await runCli('deploy', '--config', config, '--env', 'staging', ...local), 'prod');
    expect(await deployedStacks()).toEqual([]);
  });

  it('is reported the same way by `preview up` of the environment previews copy, before anything is made', async () => {
    const config = configWithBuildError('staging');
    const run = await runCli('preview', 'up', '--branch', 'feat/x', '--config', config, ...local);
    expectConfigError(run, 'staging');
    expect(await deployedStacks()).toEqual([]);
  });
});
