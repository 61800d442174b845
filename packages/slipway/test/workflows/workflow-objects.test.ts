import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { AppModel } from '../../src/model/types.js';
import { generateWorkflows, githubWorkflows, workflowFiles } from '../../src/workflows/generate.js';
import { forDrawnConfigs } from '../generated/drawn-runs.js';
import { exampleModel } from './fixtures.js';

const options = { configPath: 'slipway.config.ts' };

/**
 * The delivery graph reads the workflows as objects instead of writing and parsing YAML: that is
 * only sound while the objects say exactly what the written files say.
 */
function expectObjectsAsWritten(model: AppModel): void {
  const written = workflowFiles(generateWorkflows(model, options));
  const objects = githubWorkflows(model, options);
  expect(objects.map((o) => o.path)).toEqual(written.map((w) => w.path));
  objects.forEach((object, index) => expect(object.workflow).toEqual(written[index]!.workflow));
}

describe('the GitHub workflows as objects', () => {
  it.each(['medications', 'megadolls', 'goapp', 'parrot'])(
    'are what examples/%s writes, file for file',
    async (example) => {
      const model = await exampleModel(example);
      expect(model.delivery?.ci).not.toBe('gitlab');
      expectObjectsAsWritten(model);
    },
  );

  it('are what every drawn config on GitHub writes', () => {
    let checked = 0;
    forDrawnConfigs({ count: 24, wideRuns: 200 }, (config) => {
      const model = resolveConfig(config);
      if (model.delivery?.ci === 'gitlab') return;
      expectObjectsAsWritten(model);
      checked += 1;
    });
    expect(checked).toBeGreaterThan(0);
  });
});
