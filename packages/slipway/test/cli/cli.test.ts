import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const medications = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');

/** Writes a config file into a fresh folder and returns its path. */
function configFile(source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-cli-'));
  const file = path.join(dir, 'slipway.config.ts');
  writeFileSync(file, source);
  return file;
}

describe('slipway --help', () => {
  it('lists the commands and exits 0', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    for (const command of ['plan', 'check', 'cost'])
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('documents the exit codes of plan', async () => {
    const run = await runCli('plan', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--config <file>');
    expect(run.stdout).toContain('1 unacknowledged error findings');
  });

  it('rejects an unknown option with exit 2', async () => {
    const run = await runCli('plan', '--bogus');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
  });
});

describe('config errors exit 2 and say what to fix', () => {
  it('names the missing config file', async () => {
    const run = await runCli('plan', '--config', '/nonexistent/slipway.config.ts', '--json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('/nonexistent/slipway.config.ts');
  });

  it('names the field, the problem and the fix', async () => {
    const file = configFile(`export default {
      app: 'shop',
      github: { repository: 'acme/shop' },
      services: { web: { port: 8080 } },
      environments: {
        prod: { production: true, account: '111111111111', region: 'us-east-1',
          availabilityZones: ['us-east-1a', 'us-east-1b'], services: { web: { desiredCount: 1, minCount: 1 } } },
      },
    };`);
    const run = await runCli('plan', '--config', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/environments\.prod\.services\.web\.(desiredCount|minCount)/);
    expect(run.stderr).toContain('Fix:');
  });

  it('refuses an environment the config does not declare', async () => {
    const run = await runCli('plan', '--config', medications, '--env', 'staging');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--env staging');
    expect(run.stderr).toContain('dev, prod');
  });
});

describe('slipway plan / check / cost on one environment', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'slipway-cli-out-'));

  it('plan --json prints one document with the chosen environment only', async () => {
    const run = await runCli('plan', '--config', medications, '--env', 'dev', '--out', out, '--json');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.app).toBe('medications');
    expect(plan.environments.map((e: { name: string }) => e.name)).toEqual(['dev']);
    expect(plan.shared.stacks.map((s: { name: string }) => s.name)).toEqual(['medications-ci']);
    const env = plan.environments[0];
    expect(Object.keys(env).sort()).toEqual(
      [
        'costItems',
        'findings',
        'ingress',
        // dev is outside production and nothing ties it to the load balancer: the other ingress is priced.
        'ingressAlternative',
        'monthlyCostUsd',
        'name',
        'production',
        'region',
        'stacks',
        'unpriced',
        'unverifiedFigures',
      ].sort(),
    );
    expect(env.stacks.map((s: { name: string }) => s.name)).toContain('medications-dev-network');
    for (const stack of env.stacks)
      expect(stack.template).toMatch(new RegExp(`${stack.name}\\.template\\.json$`));
  });

  it('plan prints a summary with the monthly cost and the findings per environment', async () => {
    const run = await runCli('plan', '--config', medications, '--env', 'dev', '--out', out);
    expect(run.code).toBe(0);
    // Unverified figures (the Spot factor, Cloud Map registrations…) make it approximate, and say how many.
    expect(run.stdout).toMatch(/dev\s+us-east-1\s+≈ \$\d+\.\d\d \/ month \(\d+ figures? unverified\)/);
    expect(run.stdout).toMatch(/findings\s+0 errors/);
    expect(run.stdout).toContain('No unacknowledged error findings');
  });

  it('check --json lists findings with their acknowledgement reasons', async () => {
    const run = await runCli('check', '--config', medications, '--env', 'dev', '--out', out, '--json');
    expect(run.code).toBe(0);
    const { findings } = JSON.parse(run.stdout);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings.filter((x: { acknowledged: boolean }) => x.acknowledged))
      expect(f.reason).toBeTruthy();
  });

  it('cost --json adds up its line items', async () => {
    const run = await runCli('cost', '--config', medications, '--env', 'dev', '--out', out, '--json');
    expect(run.code).toBe(0);
    const [env] = JSON.parse(run.stdout).environments;
    const sum = env.costItems.reduce((total: number, item: { usd: number }) => total + item.usd, 0);
    expect(sum).toBeCloseTo(env.monthlyCostUsd, 6);
    expect(env.costItems.every((i: { basis: string }) => i.basis.length > 0)).toBe(true);
  });

  it('cost prices a preview by the hour next to the environments', async () => {
    const json = await runCli('cost', '--config', medications, '--env', 'dev', '--out', out, '--json');
    const { preview } = JSON.parse(json.stdout);
    expect(preview.environment).toBe('dev');
    // One Spot task of the dev service with its public address: a cent an hour at most.
    expect(preview.usdPerHour).toBeGreaterThan(0.005);
    expect(preview.usdPerHour).toBeLessThan(0.01);
    const text = await runCli('cost', '--config', medications, '--env', 'dev', '--out', out);
    expect(text.stdout).toContain(
      `preview  per branch, inside dev  $${preview.usdPerHour.toFixed(4)} / hour`,
    );
  });
});
