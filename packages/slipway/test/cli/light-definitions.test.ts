import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';

// `--help` and `--version` stay fast only while the command definitions load nothing heavy: what
// a command does lives in its `<command>-run.ts`, loaded when it runs. These run the CLI in a
// fresh process (this worker has long loaded aws-cdk-lib) and read which modules it resolved.

const kit = path.resolve(import.meta.dirname, '../..');
const recorder = pathToFileURL(path.join(kit, 'test/support/module-log.mjs')).href;
const mainUrl = pathToFileURL(path.join(kit, 'src/cli/main.ts')).href;

/** Packages that take seconds to load; none belongs in a command's definition. */
const HEAVY = ['aws-cdk-lib', '@aws-cdk/', '@aws-sdk/', 'cdk-nag', 'elkjs', 'vega', 'esbuild'];

/** Runs `slipway <argv>` in a new process and returns the URLs of every module it resolved. */
function modulesLoadedBy(argv: readonly string[], exitCode: number = ExitCode.ok): string[] {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'slipway-modules-')), 'modules.log');
  const script =
    `const { main } = await import(${JSON.stringify(mainUrl)});\n` +
    `const quiet = { out: () => {}, err: () => {}, progress: undefined };\n` +
    `process.exitCode = await main(${JSON.stringify(argv)}, quiet);`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', recorder, '--input-type=module', '--eval', script],
    { cwd: kit, encoding: 'utf8', env: { ...process.env, SLIPWAY_MODULE_LOG: log } },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(exitCode);
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
}

const heavyIn = (modules: readonly string[]) =>
  modules.filter((url) => HEAVY.some((name) => url.includes(`/node_modules/${name}`)));
const commandModules = (modules: readonly string[]) =>
  modules.filter((url) => url.includes('/src/cli/commands/')).map((url) => path.basename(url));

describe('command definitions load nothing heavy', () => {
  it('--help loads every definition and no implementation', () => {
    const modules = modulesLoadedBy(['--help']);
    expect(commandModules(modules)).toEqual(expect.arrayContaining(['index.ts', 'plan.ts', 'deploy.ts']));
    expect(commandModules(modules).filter((file) => file.endsWith('-run.ts'))).toEqual([]);
    expect(heavyIn(modules)).toEqual([]);
  });

  it('--version loads no command module at all', () => {
    const modules = modulesLoadedBy(['--version']);
    expect(commandModules(modules)).toEqual(['index.ts']);
    expect(heavyIn(modules)).toEqual([]);
  });

  it("a command's help, and a subcommand's, load that definition only", () => {
    expect(commandModules(modulesLoadedBy(['plan', '--help']))).toEqual(['index.ts', 'plan.ts']);
    const preview = modulesLoadedBy(['preview', 'up', '--help']);
    expect(commandModules(preview)).toEqual(['index.ts', 'preview.ts']);
    expect(heavyIn(preview)).toEqual([]);
  });

  it('sees heavy modules when they do load: a command that runs loads its implementation', () => {
    // `cost` loads cost-run.ts and with it the planner, before it finds the config missing.
    const modules = modulesLoadedBy(['cost', '--config', 'no-such.config.ts'], ExitCode.usage);
    expect(commandModules(modules)).toContain('cost-run.ts');
    expect(heavyIn(modules).some((url) => url.includes('/node_modules/aws-cdk-lib/'))).toBe(true);
  });
});
