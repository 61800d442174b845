import { describe, expect, it } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { exampleModel, generated, lint } from './fixtures.js';

async function codepipelineVariant(): Promise<AppModel> {
  const model = await exampleModel('megadolls');
  return { ...model, delivery: { ...model.delivery!, pipeline: 'codepipeline' } };
}

const CASES: [string, () => Promise<AppModel>][] = [
  ['megadolls', () => exampleModel('megadolls')],
  ['medications', () => exampleModel('medications')],
  ['megadolls with CodePipeline', codepipelineVariant],
];

describe.each(CASES)('actionlint on the workflows of %s', (_name, load) => {
  it('finds nothing in any generated workflow', async () => {
    const { workflows } = generated(await load());
    expect(workflows.length).toBeGreaterThanOrEqual(4);
    const problems = (await Promise.all(workflows.map(lint))).flat();
    expect(problems).toEqual([]);
  });
});

describe('actionlint itself', () => {
  it('reports an untrusted value inline in a script, so a clean result above means something', async () => {
    const text = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: echo "\${{ github.event.head_commit.message }}"`,
      '',
    ].join('\n');
    const problems = await lint({ path: 'bad.yml', text, workflow: { name: 'bad', on: {}, jobs: {} } });
    expect(problems.join('\n')).toMatch(/potentially untrusted/);
  });
});
