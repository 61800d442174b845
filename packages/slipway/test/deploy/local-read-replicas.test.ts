import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The dev floor app with `count` read replicas of its database. */
function withReplicas(count: number): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      databases: env.databases.map((db) => ({ ...db, readReplicas: count })),
    })),
  };
}

describe('read replicas on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys replicas of the writer, diffs to nothing, and drops one, keeping its logs in the account', async () => {
    const env = withReplicas(2).environments[0]!;
    await deployEnvironment(withReplicas(2), env.name, emulator.target());

    const rds = new RDSClient(emulator.config(env.region));
    const instances = (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    const writer = instances.find((db) => db.ReadReplicaSourceDBInstanceIdentifier === undefined);
    const replicas = instances.filter((db) => db.ReadReplicaSourceDBInstanceIdentifier !== undefined);
    expect(replicas.map((db) => db.DBInstanceIdentifier).sort()).toEqual([
      `${writer?.DBInstanceIdentifier}-replica-1`,
      `${writer?.DBInstanceIdentifier}-replica-2`,
    ]);
    for (const replica of replicas) {
      expect(replica).toMatchObject({
        DBInstanceClass: writer?.DBInstanceClass,
        IAMDatabaseAuthenticationEnabled: true,
      });
      expect(replica.DbiResourceId).not.toBe(writer?.DbiResourceId);
    }

    const unchanged = await diffEnvironment(withReplicas(2), env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);

    // A replica holds no data of its own: dropping one is not a stateful change. Its log groups
    // leave the stack retained, so their logs stay in the account: the diff says so, and the
    // deploy goes ahead without an allowance.
    const fewer = await diffEnvironment(withReplicas(1), env.name, emulator.target());
    expect(fewer.stateful).toEqual([]);
    const kept = fewer.stacks.flatMap((s) => s.changes).filter((c) => c.retained);
    expect(kept.map((c) => [c.logicalId, c.type, c.action])).toEqual([
      ['DatabaseMainReplica2LogGroup', 'AWS::Logs::LogGroup', 'remove'],
      ['DatabaseMainReplica2UpgradeLogGroup', 'AWS::Logs::LogGroup', 'remove'],
    ]);
    expect(kept[0]?.reason).toMatch(/kept in the account/);
    await deployEnvironment(withReplicas(1), env.name, emulator.target());
    const left = (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    expect(left.filter((db) => db.ReadReplicaSourceDBInstanceIdentifier !== undefined)).toHaveLength(1);
  });
});
