import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireAwsCredentials } from '../../src/deploy/credentials.js';
import { DeployUsageError, NoCredentialsError } from '../../src/deploy/errors.js';
import { chooseTarget } from '../../src/deploy/target.js';
import { runCli } from '../cli/run-cli.js';

/** A home with no AWS files, so nothing on this machine is read. */
function emptyHome(): NodeJS.ProcessEnv {
  const home = mkdtempSync(path.join(tmpdir(), 'slipway-home-'));
  return {
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

describe('chooseTarget', () => {
  it('defaults to the emulator when no credentials are configured, and says how to reach AWS', () => {
    expect(chooseTarget(undefined, emptyHome())).toEqual({
      target: 'local',
      reason: 'no AWS credentials are configured; --target aws deploys to AWS',
    });
  });

  it('defaults to AWS when keys, a profile or a shared file are configured', () => {
    expect(chooseTarget(undefined, { ...emptyHome(), AWS_PROFILE: 'team' }).target).toBe('aws');
    expect(
      chooseTarget(undefined, { ...emptyHome(), AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }).target,
    ).toBe('aws');
    const env = emptyHome();
    writeFileSync(env.AWS_CONFIG_FILE as string, '[default]\nregion = us-east-1\n');
    expect(chooseTarget(undefined, env)).toMatchObject({
      target: 'aws',
      reason: expect.stringContaining('no-config'),
    });
  });

  it('takes --target as given and rejects an unknown one', () => {
    expect(chooseTarget('local', { AWS_PROFILE: 'team' }).target).toBe('local');
    expect(() => chooseTarget('gcp')).toThrow(DeployUsageError);
    expect(() => chooseTarget('gcp')).toThrow(
      '--target gcp: unknown target. Fix: use --target aws or --target local.',
    );
  });
});

describe('--target aws without credentials', () => {
  const saved = { ...process.env };

  beforeEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    Object.assign(process.env, emptyHome());
  });

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('fails before anything else with the next step', async () => {
    const attempt = requireAwsCredentials('us-east-1');
    await expect(attempt).rejects.toBeInstanceOf(NoCredentialsError);
    await expect(requireAwsCredentials('us-east-1')).rejects.toThrow(
      /--target aws: no AWS credentials were found .* Fix: sign in/,
    );
  });

  it('makes `slipway deploy` exit 2 with the message and nothing deployed', async () => {
    const config = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');
    const run = await runCli(
      'deploy',
      '--config',
      config,
      '--env',
      'dev',
      '--target',
      'aws',
      '--state-dir',
      mkdtempSync(path.join(tmpdir(), 'slipway-state-')),
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--target aws: no AWS credentials were found');
    expect(run.stderr).toContain('or deploy to the local emulator with --target local');
  });
});
