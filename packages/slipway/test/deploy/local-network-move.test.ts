import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../local-cloud/emulator.js';

/** A one-service app with a database, its dev network on `cidr`. */
function configFile(cidr: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'slipway-network-move-')), 'slipway.config.ts');
  writeFileSync(
    file,
    `export default {
      app: 'shop',
      github: { repository: 'acme/shop' },
      databases: { main: { databaseName: 'shop', appUsername: 'shop_app' } },
      services: { web: { port: 8080, healthPath: '/healthz', database: 'main' } },
      environments: {
        dev: {
          account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'],
          network: { natGateways: 0, cidr: '${cidr}' },
        },
      },
    };`,
  );
  return file;
}

describe('a new network.cidr under a deployed database, on the local emulator', () => {
  const emulator = useEmulator();
  const slipway = (command: string, config: string, ...extra: string[]) =>
    emulator.cli(command, config, 'dev', ...extra);

  async function vpcId(): Promise<string | undefined> {
    const ssm = new SSMClient(emulator.config());
    return (await ssm.send(new GetParameterCommand({ Name: '/shop/dev/network/vpc-id' }))).Parameter?.Value;
  }

  async function stackStatus(name: string): Promise<string | undefined> {
    const cfn = new CloudFormationClient(emulator.config());
    return (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]?.StackStatus;
  }

  async function database() {
    const rds = new RDSClient(emulator.config());
    const answer = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'shop-dev-main' }));
    return answer.DBInstances?.[0];
  }

  it('is refused by deploy and flagged by diff, naming the database, what would happen and the safe path, until --allow-replace names it', async () => {
    const first = await slipway('deploy', configFile('10.0.0.0/16'));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const vpc = await vpcId();
    const before = await database();
    expect(before?.DBSubnetGroup?.VpcId).toBe(vpc);

    const moved = configFile('10.20.0.0/16');
    const refused = await slipway('deploy', moved);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was deployed');
    expect(refused.stderr).toMatch(
      /shop-dev-data {2}DatabaseMainInstance \(AWS::RDS::DBInstance\) would move to another VPC/,
    );
    expect(refused.stderr).toContain('RDS cannot take a database in use to another VPC');
    expect(refused.stderr).toContain('declare a new environment with the new network');
    expect(refused.stderr).toContain(
      '--allow-replace DatabaseMainSubnetGroup --allow-replace DatabaseMainInstance',
    );
    // The network stack, first in line, was not touched either.
    expect(await stackStatus('shop-dev-network')).toBe('CREATE_COMPLETE');
    expect((await database())?.DbiResourceId).toBe(before?.DbiResourceId);

    const diff = await slipway('diff', moved);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/DatabaseMainInstance +AWS::RDS::DBInstance +STATEFUL +moves to another VPC/);
    expect(diff.stdout).toContain('To move the database safely');

    // Named with --allow-replace, the deploy goes through. moto updates the network stack without
    // replacing its VPC or subnets (they keep their old CIDR), so on the emulator the database does
    // not actually move; on AWS the data stack is where the move would fail or replace it.
    const allowed = await slipway(
      'deploy',
      moved,
      '--allow-replace',
      'DatabaseMainSubnetGroup',
      '--allow-replace',
      'DatabaseMainInstance',
      // The new namespace replaces every Cloud Map service: the web service's name and the database's alias.
      '--allow-replace',
      'web.shop.internal',
      '--allow-replace',
      'main.shop.internal',
      '--json',
    );
    expect(allowed.code).toBe(0);
    const result = JSON.parse(allowed.stdout) as { stacks: { name: string; action: string }[] };
    expect(result.stacks.find((s) => s.name === 'shop-dev-network')?.action).toBe('updated');
    expect(await stackStatus('shop-dev-network')).toBe('UPDATE_COMPLETE');
    expect((await database())?.DbiResourceId).toBe(before?.DbiResourceId);
  });
});
