import { describe, expect, it } from 'vitest';
import { DeployUsageError } from '../../src/deploy/errors.js';
import { selectEnvironment, singleEnvironmentName } from '../../src/deploy/select-environment.js';
import { UnknownEnvironmentError } from '../../src/plan/run-plan.js';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';

describe('choosing the environment', () => {
  it('takes the one --env, or the only environment when the config has one', () => {
    expect(singleEnvironmentName(megadollsLikeModel(), ['prod'], 'deploy')).toBe('prod');
    const floor = devFloorModel();
    expect(floor.environments).toHaveLength(1);
    expect(singleEnvironmentName(floor, [], 'deploy')).toBe(floor.environments[0]?.name);
  });

  it('asks for --env with the names when there are several, and for one at a time', () => {
    expect(() => singleEnvironmentName(megadollsLikeModel(), [], 'deploy')).toThrow(
      '--env: deploy acts on one environment and the config has 2. Fix: add --env <name> (one of dev, prod).',
    );
    expect(() => singleEnvironmentName(megadollsLikeModel(), ['dev', 'prod'], 'diff')).toThrow(
      DeployUsageError,
    );
  });

  it('cuts the model down to the environment and rejects unknown names with the known ones', () => {
    const { model, environment } = selectEnvironment(megadollsLikeModel(), 'dev');
    expect(model.environments.map((e) => e.name)).toEqual(['dev']);
    expect(environment.name).toBe('dev');
    expect(() => selectEnvironment(megadollsLikeModel(), 'qa')).toThrow(UnknownEnvironmentError);
    expect(() => selectEnvironment(megadollsLikeModel(), 'qa')).toThrow(/use one of dev, prod/);
  });
});
