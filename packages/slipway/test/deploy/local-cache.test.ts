import { DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The dev floor app with a `sessions` cache its api service asks for. */
function withCache(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      caches: [
        {
          name: 'sessions',
          nodeType: 'cache.t4g.micro',
          engineVersion: '8.0',
          nodes: 1,
          snapshotRetentionDays: 1,
        },
      ],
      services: env.services.map((service) => ({ ...service, cache: 'sessions' })),
    })),
  };
}

describe('a cache on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys the cache, opens it to the service, and diffs to nothing', async () => {
    const model = withCache();
    const env = model.environments[0]!;
    await deployEnvironment(model, env.name, emulator.target());

    const ssm = new SSMClient(emulator.config(env.region));
    const value = async (name: string) =>
      (await ssm.send(new GetParameterCommand({ Name: `/floor/dev/data/caches/sessions/${name}` }))).Parameter
        ?.Value;
    expect(await value('endpoint-address')).toMatch(/\.cache\.amazonaws\.com$/);
    expect(await value('endpoint-port')).toBe('6379');

    const groupId = await value('security-group-id');
    const ec2 = new EC2Client(emulator.config(env.region));
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId ?? ''] })))
      .SecurityGroups?.[0];
    expect(group?.IpPermissions).toContainEqual(
      expect.objectContaining({ FromPort: 6379, ToPort: 6379, IpProtocol: 'tcp' }),
    );

    const unchanged = await diffEnvironment(model, env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});
