import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** One service with its database in `region`, on two of its zones; `delivery` as given. */
function config(region: string, zones: readonly string[], delivery = ''): string {
  return `export default {
  app: 'ledger',
  github: { repository: 'acme/ledger' },
  ${delivery}
  databases: { main: { databaseName: 'ledger', appUsername: 'ledger_app' } },
  services: { api: { port: 8080, healthPath: '/healthz', database: 'main' } },
  environments: {
    dev: { account: '111111111111', region: '${region}', availabilityZones: ${JSON.stringify(zones)} },
  },
};
`;
}

/**
 * Regions and zones the config accepts but moto's own tables lack: zone c of ca-central-1 (moto
 * lists a, b and d), and ap-southeast-7, which moto's CodePipeline does not serve. The emulator
 * takes them from Slipway's table (`slipway_moto/accepted_regions.py`).
 */
describe('deploying to regions and zones moto does not know, on the local emulator', () => {
  const emulator = useEmulator();
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-regions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function deployAndDiff(name: string, text: string, region: string) {
    const file = path.join(dir, name, 'slipway.config.ts');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    const model = await loadConfig(file);
    const local = emulator.target();
    const deployed = await deployEnvironment(model, 'dev', { ...local, yes: true });
    const diff = await diffEnvironment(model, 'dev', local);

    const vpcId = (
      await new SSMClient(emulator.config(region)).send(
        new GetParameterCommand({ Name: '/ledger/dev/network/vpc-id' }),
      )
    ).Parameter?.Value;
    const subnets =
      (
        await new EC2Client(emulator.config(region)).send(
          new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId ?? ''] }] }),
        )
      ).Subnets ?? [];
    return {
      stacks: deployed.stacks.map((s) => [s.name, s.action]),
      changes: diff.stacks.flatMap((s) => s.changes),
      zones: [...new Set(subnets.map((s) => s.AvailabilityZone))].sort(),
    };
  }

  it('deploys a service and its database to ca-central-1a and ca-central-1c, then diffs clean', async () => {
    const zones = ['ca-central-1a', 'ca-central-1c'];
    const result = await deployAndDiff('central', config('ca-central-1', zones), 'ca-central-1');
    expect(result.stacks).toEqual([
      ['ledger-ci', 'created'],
      ['ledger-dev-network', 'created'],
      ['ledger-dev-data', 'created'],
      ['ledger-dev-runtime', 'created'],
      ['ledger-dev-api', 'created'],
      ['ledger-dev-monitoring', 'created'],
    ]);
    expect(result.zones).toEqual(zones);
    expect(result.changes).toEqual([]);
  });

  it('deploys the same app with CodePipeline delivery to ap-southeast-7, then diffs clean', async () => {
    const zones = ['ap-southeast-7b', 'ap-southeast-7c'];
    const text = config('ap-southeast-7', zones, "delivery: { pipeline: 'codepipeline' },");
    const result = await deployAndDiff('southeast', text, 'ap-southeast-7');
    expect(result.stacks).toContainEqual(['ledger-pipeline', 'created']);
    expect(result.stacks.every(([, action]) => action === 'created')).toBe(true);
    expect(result.zones).toEqual(zones);
    expect(result.changes).toEqual([]);
  });
});
