import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { TABLES_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import type { AppModel } from '../../src/model/types.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The dev floor app with an `orders` table (a stream, an expiry) its api service writes. */
function withTable(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      tables: [
        {
          name: 'orders',
          tableName: `floor-${env.name}-orders`,
          partitionKey: { name: 'pk', type: 'string' as const },
          sortKey: { name: 'createdAt', type: 'number' as const },
          ttlAttribute: 'expiresAt',
          stream: 'new-image' as const,
          deletionProtection: env.production,
        },
      ],
      services: env.services.map((service) => ({ ...service, tables: { orders: 'read-write' as const } })),
    })),
  };
}

describe('a DynamoDB table on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys the table under its fixed name, says what the emulator leaves out, and diffs to nothing', async () => {
    const model = withTable();
    const env = model.environments[0]!;
    const result = await deployEnvironment(model, env.name, emulator.target());
    expect(result.emulatorLimits).toContain(TABLES_EMULATOR_LIMIT);

    const cloudformation = new CloudFormationClient(emulator.config(env.region));
    const resources = await cloudformation.send(
      new DescribeStackResourcesCommand({ StackName: env.stackNames.data }),
    );
    const table = resources.StackResources?.find((r) => r.ResourceType === 'AWS::DynamoDB::Table');
    expect(table).toMatchObject({
      LogicalResourceId: 'TableOrders',
      PhysicalResourceId: 'floor-dev-orders',
      ResourceStatus: 'CREATE_COMPLETE',
    });

    const unchanged = await diffEnvironment(model, env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});
