import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REGIONS, zoneNames } from '../../src/config/data/regions.js';
import { useEmulator } from './emulator.js';

/** What the emulator's EC2 makes of one region of Slipway's table. */
interface RegionReport {
  /** Zones Slipway accepts that DescribeAvailabilityZones leaves out. */
  readonly unlisted: string[];
  /** Per accepted zone, the zone of the subnet made there, or the error that refused it. */
  readonly subnets: string[];
  /** Whether every listed zone has its own zone id, in moto's `<short region>-az<n>` form. */
  readonly zoneIdsDistinct: boolean;
}

async function report(ec2: EC2Client, region: string): Promise<RegionReport> {
  const zones = zoneNames(region);
  const listed = (await ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones ?? [];
  const ids = listed.map((zone) => zone.ZoneId ?? '');
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
  const subnets = await Promise.allSettled(
    zones.map((zone, index) =>
      ec2.send(
        new CreateSubnetCommand({
          VpcId: vpc.Vpc?.VpcId,
          CidrBlock: `10.0.${index}.0/24`,
          AvailabilityZone: zone,
        }),
      ),
    ),
  );
  return {
    unlisted: zones.filter((zone) => !listed.some((z) => z.ZoneName === zone)),
    subnets: subnets.map((s) =>
      s.status === 'fulfilled'
        ? (s.value.Subnet?.AvailabilityZone ?? '')
        : `refused: ${(s.reason as Error).name}`,
    ),
    zoneIdsDistinct: new Set(ids).size === ids.length && ids.every((id) => /^[a-z0-9]+-az\d+$/.test(id)),
  };
}

/**
 * The emulator takes every region and zone the config accepts (`src/config/data/regions.ts`),
 * where moto's own tables are older than AWS's (`slipway_moto/accepted_regions.py`).
 */
describe("the emulator's regions and zones", () => {
  const emulator = useEmulator();

  it('lists every zone Slipway accepts in each of its regions, and makes a subnet in each', async () => {
    const regions = Object.keys(REGIONS);
    const reports = await Promise.all(
      regions.map(async (region) => [region, await report(new EC2Client(emulator.config(region)), region)]),
    );
    const expected = regions.map((region) => [
      region,
      { unlisted: [], subnets: zoneNames(region), zoneIdsDistinct: true },
    ]);
    expect(Object.fromEntries(reports)).toEqual(Object.fromEntries(expected));
  });
});
