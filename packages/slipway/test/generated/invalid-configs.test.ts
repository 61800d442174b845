import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { runCli } from '../cli/run-cli.js';
import { brokenConfig, MISTAKE_NAMES } from './invalid-config-arbitraries.js';
import { drawSettings } from './draw-settings.js';
import { acceptedRegions } from './region-choices.js';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`expected a ConfigError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ConfigError, but the config resolved');
}

/** Every drawn mistake is a config error that names the field and the fix, never an exception. */
describe('every drawn mistake', () => {
  const broken = brokenConfig({ regions: acceptedRegions() });

  it('is a config error naming the field, the problem and the fix', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(broken, ({ mistake, config, field }) => {
        seen.add(mistake);
        const error = configError(() => resolveConfig(config));
        const named = error.issues.filter(
          (i) => i.path === field || i.path.startsWith(`${field}.`) || i.path.startsWith(`${field}[`),
        );
        expect(
          named.map((i) => i.path),
          `${mistake}: issues ${error.message}`,
        ).not.toEqual([]);
        for (const issue of error.issues) {
          expect(issue.message.length, `${issue.path} says what is wrong`).toBeGreaterThan(5);
          expect(issue.fix.length, `${issue.path} says how to fix it`).toBeGreaterThan(5);
        }
      }),
      drawSettings(600),
    );
    // The draw covers every kind of mistake, so none is silently never tested.
    expect([...seen].sort()).toEqual([...MISTAKE_NAMES].sort());
  });

  it('stops slipway plan with exit 2 and the field on stderr', async () => {
    await fc.assert(
      fc.asyncProperty(broken, async ({ mistake, config, field }) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'slipway-broken-'));
        try {
          const file = path.join(dir, 'slipway.config.ts');
          writeFileSync(file, `export default ${JSON.stringify(config, null, 2)};\n`);
          const run = await runCli('plan', '--config', file, '--out', path.join(dir, 'out'));
          expect(run.code, `${mistake}: ${run.stderr}`).toBe(2);
          expect(run.stderr).toContain(field);
          expect(run.stderr).toContain('Fix:');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      drawSettings(25),
    );
  });
});
