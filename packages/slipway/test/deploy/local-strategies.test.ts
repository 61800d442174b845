import path from 'node:path';
import { DescribeServicesCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { deployEnvironment } from '../../src/deploy/index.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The settings only production and the native ECS strategies use, as the emulator keeps them. */
describe('production and native deployment strategies on the local emulator', () => {
  const emulator = useEmulator();

  async function services(region: string, cluster: string) {
    const ecs = new ECSClient(emulator.config(region));
    const arns = (await ecs.send(new ListServicesCommand({ cluster }))).serviceArns ?? [];
    const found = (await ecs.send(new DescribeServicesCommand({ cluster, services: arns }))).services ?? [];
    return Object.fromEntries(found.map((s) => [s.serviceName?.split('-')[2], s]));
  }

  it('deploys megadolls prod in af-south-1 with a canary rollout, an alternate target group, a Multi-AZ database and its own keys', async () => {
    const model = await loadConfig(
      path.resolve(import.meta.dirname, '../../../../examples/megadolls/slipway.config.ts'),
    );
    const result = await deployEnvironment(model, 'prod', {
      target: 'local',
      stateDir: emulator.stateDir,
      yes: true,
    });
    expect(result.stacks.map((s) => s.name)).toContain('megadolls-prod-web');

    const { web } = await services('af-south-1', 'megadolls-prod');
    expect(web?.deploymentConfiguration).toMatchObject({
      strategy: 'CANARY',
      bakeTimeInMinutes: 10,
      canaryConfiguration: { canaryPercent: 10 },
      minimumHealthyPercent: 100,
      maximumPercent: 200,
    });
    expect(web?.loadBalancers?.[0]?.advancedConfiguration?.alternateTargetGroupArn).toMatch(/targetgroup/);
    expect(web?.capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE', weight: 1 }]);
    expect(web?.desiredCount).toBeGreaterThanOrEqual(2);

    const db = (await new RDSClient(emulator.config('af-south-1')).send(new DescribeDBInstancesCommand({})))
      .DBInstances?.[0];
    expect(db).toMatchObject({
      DBInstanceIdentifier: 'megadolls-prod-main',
      MultiAZ: true,
      DeletionProtection: true,
    });

    // encryption: 'customer-managed': a rotated data key under the database, a logs key under
    // every log group, each found by its alias.
    const kms = new KMSClient(emulator.config('af-south-1'));
    const aliases = (await kms.send(new ListAliasesCommand({}))).Aliases ?? [];
    const keyOf = (name: string) => aliases.find((a) => a.AliasName === name)?.TargetKeyId;
    const dataKey = keyOf('alias/megadolls/prod/data');
    const logsKey = keyOf('alias/megadolls/prod/logs');
    expect(dataKey).toBeDefined();
    expect(logsKey).toBeDefined();
    for (const keyId of [dataKey, logsKey]) {
      expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled).toBe(
        true,
      );
    }
    expect(db?.StorageEncrypted).toBe(true);
    expect(db?.KmsKeyId).toContain(dataKey);
    const groups =
      (await new CloudWatchLogsClient(emulator.config('af-south-1')).send(new DescribeLogGroupsCommand({})))
        .logGroups ?? [];
    expect(groups.length).toBeGreaterThanOrEqual(5);
    for (const group of groups) expect(group.kmsKeyId, group.logGroupName).toContain(logsKey);
  });

  it('deploys linear, blue/green and an internal service side by side', async () => {
    await deployEnvironment(megadollsLikeModel(), 'dev', emulator.target());
    const { web, pgadmin, worker } = await services('us-east-1', 'megadolls-dev');
    expect(web?.deploymentConfiguration).toMatchObject({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 10 },
    });
    expect(pgadmin?.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 });
    expect(worker?.loadBalancers).toEqual([]);
    expect(worker?.serviceRegistries).toHaveLength(1);
  });
});
