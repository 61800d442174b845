import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { EnvironmentModel } from '../../model/types.js';
import { type EnvironmentRef, networkKeys, readValue } from '../shared/cross-stack.js';

/**
 * The environment's VPC as the data, runtime and service stacks see it: ids read from the network
 * stack's SSM parameters, zones from the model (so the subnet count is known at synth time).
 * `public` gives the public subnets, `private` the private ones (isolated when there is no NAT).
 */
export function importVpc(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
  subnets: 'public' | 'private',
): ec2.IVpc {
  const zones = [...env.availabilityZones];
  const vpcId = readValue(scope, where, 'network', networkKeys.vpcId);
  // Only the subnets the stack places things in are read: each read is a template parameter.
  if (subnets === 'public') {
    const publicSubnetIds = zones.map((_, i) =>
      readValue(scope, where, 'network', networkKeys.publicSubnetId(i)),
    );
    return ec2.Vpc.fromVpcAttributes(scope, 'Vpc', { vpcId, availabilityZones: zones, publicSubnetIds });
  }
  const privateSubnetIds = zones.map((_, i) =>
    readValue(scope, where, 'network', networkKeys.privateSubnetId(i)),
  );
  return ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId,
    availabilityZones: zones,
    ...(env.network.natGateways > 0 ? { privateSubnetIds } : { isolatedSubnetIds: privateSubnetIds }),
  });
}
