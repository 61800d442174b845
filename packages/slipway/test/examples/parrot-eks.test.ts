import path from 'node:path';
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { expectProductionWatched } from './production-watched.js';

const config = path.resolve(import.meta.dirname, '../../../../examples/parrot/slipway.config.ts');

/** Seed 000 as an example: production with Karpenter, a read replica and a cache, on the emulator. */
describe('examples/parrot on the local emulator', () => {
  const emulator = useEmulator();

  it("deploys prod in us-west-2 (Karpenter's queue and rules, a replica, the cache, their alarms routed) and diffs to zero", async () => {
    const deployed = await emulator.cli('deploy', config, 'prod', '--yes');
    expect(deployed.code, deployed.stderr).toBe(0);

    const cfn = new CloudFormationClient(emulator.config('us-west-2'));
    const resources =
      (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'parrot-prod-cluster' })))
        .StackResources ?? [];
    const types = resources.map((r) => r.ResourceType);
    // The system pool is a managed node group; the workload pool is Karpenter's, outside CloudFormation.
    expect(types.filter((t) => t === 'AWS::EKS::Nodegroup')).toHaveLength(1);
    expect(types).toContain('AWS::SQS::Queue');
    expect(types.filter((t) => t === 'AWS::Events::Rule').length).toBeGreaterThanOrEqual(4);

    const rds = new RDSClient(emulator.config('us-west-2'));
    const instances = (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    expect(instances.map((i) => i.DBInstanceIdentifier).sort()).toEqual([
      'parrot-prod-main',
      'parrot-prod-main-replica-1',
    ]);

    const model = await loadConfig(config);
    const prod = model.environments.find((e) => e.name === 'prod');
    if (prod === undefined) throw new Error('parrot has no prod');
    await expectProductionWatched(emulator, model, prod);

    const diff = await emulator.cli('diff', config, 'prod', '--json');
    expect(diff.code, diff.stderr).toBe(0);
    const changes = JSON.parse(diff.stdout) as { stacks: { changes: unknown[] }[] };
    expect(changes.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});
