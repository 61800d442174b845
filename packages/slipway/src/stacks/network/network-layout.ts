import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { EnvironmentModel } from '../../model/types.js';

/**
 * Where things sit in the VPC. Without NAT the private subnets have no route out, so they are
 * `PRIVATE_ISOLATED` (the database needs none) and tasks run in the public subnets with a public IP,
 * locked by security groups: the dev floor in COSTS.md, about $33 a month cheaper than one NAT.
 */
export function privateSubnetType(env: EnvironmentModel): ec2.SubnetType {
  return env.network.natGateways > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED;
}

/** Subnets and public-IP setting for the environment's tasks. */
export function taskPlacement(env: EnvironmentModel): {
  subnetType: ec2.SubnetType;
  assignPublicIp: boolean;
} {
  return env.network.natGateways > 0
    ? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, assignPublicIp: false }
    : { subnetType: ec2.SubnetType.PUBLIC, assignPublicIp: true };
}
