import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { OpenFindingsError } from '../../src/deploy/errors.js';
import { deployEnvironment } from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** Megadolls with prod's database in one zone: the config check would refuse it, a hand-made model does not. */
function singleAzProduction(): AppModel {
  const model = megadollsLikeModel();
  return {
    ...model,
    environments: model.environments.map((env) =>
      env.production ? { ...env, databases: env.databases.map((db) => ({ ...db, multiAz: false })) } : env,
    ),
  };
}

describe('a deploy with open error findings', () => {
  const emulator = useEmulator();

  it('stops before anything is created, naming each finding and the fix', async () => {
    const deploy = deployEnvironment(singleAzProduction(), 'prod', {
      target: 'local',
      stateDir: emulator.stateDir,
      yes: true,
    });
    await expect(deploy).rejects.toBeInstanceOf(OpenFindingsError);
    await expect(deploy).rejects.toThrow(/Slipway-RDS4 {2}megadolls-prod-data\/DatabaseMainInstance/);
    await expect(deploy).rejects.toThrow(/nothing was deployed[\s\S]*acknowledge it with a reason/);
    const regions = new Set(
      singleAzProduction()
        .environments.map((e) => e.region)
        .concat('us-east-1'),
    );
    for (const region of regions) {
      const cfn = new CloudFormationClient(emulator.config(region));
      const stacks = (await cfn.send(new ListStacksCommand({}))).StackSummaries ?? [];
      expect(
        stacks.filter((s) => s.StackStatus !== 'DELETE_COMPLETE'),
        region,
      ).toEqual([]);
    }
  });
});
