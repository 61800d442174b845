import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

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
    const result = lintTemplates(files);
    if (result.warnings.size > 0) {
      console.info(
        `cfn-lint warnings (not failures): ${[...result.warnings].map(([id, n]) => `${id} ×${n}`).join(', ')}`,
      );
    }
    expect(result.errors).toEqual([]);
    expect(result.status & 2, 'cfn-lint exit code has the error bit').toBe(0);
  });
});
