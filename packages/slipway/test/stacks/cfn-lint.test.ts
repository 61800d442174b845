import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

interface LintMatch {
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Rule: { readonly Id: string };
  readonly Message: string;
  readonly Filename: string;
}

/** AWS's cfn-lint over every fixture template in one call: zero errors; warnings are listed only. */
describe('cfn-lint', () => {
  let apps: FixtureApp[];
  beforeAll(() => {
    apps = [fixtureApp(devFloorModel()), fixtureApp(megadollsLikeModel())];
  });
  afterAll(() => {
    for (const app of apps) app.dispose();
  });

  it('finds no errors in any template', () => {
    const files = apps.flatMap((app) => app.synthesized.map((s) => s.templatePath));
    expect(files.length).toBe(17);
    const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf8' });
    expect(run.error, 'cfn-lint must be on PATH').toBeUndefined();
    // Exit codes are a bit mask (2 error, 4 warning, 8 info); the JSON says what was found.
    const matches = JSON.parse(run.stdout || '[]') as LintMatch[];
    const errors = matches.filter((m) => m.Level === 'Error');
    const warnings = matches.filter((m) => m.Level === 'Warning');
    if (warnings.length > 0) {
      const counts = new Map<string, number>();
      for (const w of warnings) counts.set(w.Rule.Id, (counts.get(w.Rule.Id) ?? 0) + 1);
      console.info(
        `cfn-lint warnings (not failures): ${[...counts].map(([id, n]) => `${id} ×${n}`).join(', ')}`,
      );
    }
    expect(errors.map((e) => `${e.Filename}: ${e.Rule.Id} ${e.Message}`)).toEqual([]);
    expect((run.status ?? 2) & 2, 'cfn-lint exit code has the error bit').toBe(0);
  });
});
