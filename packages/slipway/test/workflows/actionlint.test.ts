import { describe, expect, it } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { exampleModel, generated, lint } from './fixtures.js';

async function codepipelineVariant(): Promise<AppModel> {
  const model = await exampleModel('megadolls');
  return { ...model, delivery: { ...model.delivery!, pipeline: 'codepipeline' } };
}

/** Each case and the fewest workflows it makes: EKS examples have no previews, so no preview workflow. */
const CASES: [string, () => Promise<AppModel>, number][] = [
  ['megadolls', () => exampleModel('megadolls'), 4],
  ['medications', () => exampleModel('medications'), 4],
  ['goapp (EKS)', () => exampleModel('goapp'), 3],
  ['parrot (EKS, Karpenter)', () => exampleModel('parrot'), 3],
  ['megadolls with CodePipeline', codepipelineVariant, 4],
];

describe.each(CASES)('actionlint on the workflows of %s', (_name, load, fewest) => {
  it('finds nothing in any generated workflow', async () => {
    const { workflows } = generated(await load());
    expect(workflows.length).toBeGreaterThanOrEqual(fewest);
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
