import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const config = path.join(root, 'examples/medications/slipway.config.ts');
const work = mkdtempSync(path.join(tmpdir(), 'slipway-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('slipway plan --html and slipway report', () => {
  it('plan --html writes the report beside the plan JSON, and report --from-plan draws that JSON again', async () => {
    const html = path.join(work, 'plan.html');
    const planned = await runCli(
      'plan',
      '--config',
      config,
      '--env',
      'dev',
      '--out',
      path.join(work, 'out'),
      '--json',
      '--html',
      html,
    );
    expect(planned.code).toBe(0);
    expect(JSON.parse(planned.stdout).app).toBe('medications');
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('id="env-dev"');
    // Planned from the config: the delivery graph and the preview price are there.
    expect(page).toContain('id="delivery"');

    const json = path.join(work, 'plan.json');
    writeFileSync(json, planned.stdout);
    const again = path.join(work, 'again.html');
    const drawn = await runCli('report', '--from-plan', json, '--out', again);
    expect(drawn.code).toBe(0);
    expect(drawn.stdout).toContain(again);
    const fromJson = readFileSync(again, 'utf8');
    expect(fromJson).toContain('id="env-dev"');
    // A plan file carries no config: no delivery graph then.
    expect(fromJson).not.toContain('id="delivery"');
  });

  it('compares with a target: against an emulator with nothing deployed, every drawn resource is added', async () => {
    const out = path.join(work, 'target.html');
    const run = await runCli(
      'report',
      '--config',
      config,
      '--env',
      'dev',
      '--target',
      'local',
      '--state-dir',
      path.join(work, 'no-emulator'),
      '--templates',
      path.join(work, 'target-out'),
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('Changes against what is deployed (local)');
    const services = [...page.matchAll(/class="node kind-service([^"]*)"/g)].map((m) => m[1]);
    expect(services.length).toBeGreaterThan(0);
    for (const classes of services) expect(classes).toContain('change-added');
  });

  it('refuses a plan file that is not there, naming it and how to make one', async () => {
    const missing = path.join(work, 'nope.json');
    const run = await runCli('report', '--from-plan', missing, '--out', path.join(work, 'x.html'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toContain('slipway plan --json');
    expect(existsSync(path.join(work, 'x.html'))).toBe(false);
  });
});
