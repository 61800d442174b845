import type { CfnResource } from '../template/types.js';
import { references } from './template-references.js';

/** Where a resource would go: into another VPC, or onto other subnets of the same one. */
export type NetworkMove = 'vpc' | 'subnets';

/**
 * The properties that place a resource in the network. A kind means any new value there moves the
 * resource that far (a security group given another VpcId is in another VPC); `follows` means the
 * resource moves only when what it names moves (a database given a new security group in the same
 * VPC stays where it is).
 */
const PLACEMENT: Readonly<Record<string, Readonly<Record<string, NetworkMove | 'follows'>>>> = {
  'AWS::EC2::Subnet': { VpcId: 'vpc' },
  'AWS::EC2::SecurityGroup': { VpcId: 'vpc' },
  'AWS::RDS::DBSubnetGroup': { SubnetIds: 'subnets' },
  'AWS::RDS::DBInstance': { DBSubnetGroupName: 'follows', VPCSecurityGroups: 'follows' },
  'AWS::RDS::DBCluster': { DBSubnetGroupName: 'follows', VpcSecurityGroupIds: 'follows' },
  'AWS::ElastiCache::SubnetGroup': { SubnetIds: 'subnets' },
  'AWS::ElastiCache::CacheCluster': { CacheSubnetGroupName: 'follows', VpcSecurityGroupIds: 'follows' },
  'AWS::ElastiCache::ReplicationGroup': { CacheSubnetGroupName: 'follows', SecurityGroupIds: 'follows' },
  // EKS moves a cluster to other subnets of its VPC in place, but never to another VPC: its
  // control-plane security group says which VPC it is in.
  'AWS::EKS::Cluster': { ResourcesVpcConfig: 'follows' },
};

/** A replaced VPC is another VPC; a replaced subnet (re-cut, same VPC) is another subnet. */
const REPLACED_PLACE: Readonly<Record<string, NetworkMove>> = {
  'AWS::EC2::VPC': 'vpc',
  'AWS::EC2::Subnet': 'subnets',
};

/**
 * Every placed resource of a template (subnets, security groups, subnet groups, databases and
 * caches) that a deploy would put into another VPC or onto other subnets, with how far it goes.
 * `changed` holds the values that change (replaced resources, template parameters whose SSM value
 * changes); `replaced` maps each replaced resource's logical id to its type.
 * A database's placement usually arrives from the network stack through SSM parameters, so a
 * changed parameter in a placing property counts as much as a replaced subnet in the same stack.
 */
export function networkMoves(
  planned: Readonly<Record<string, CfnResource>>,
  changed: ReadonlySet<string>,
  replaced: ReadonlyMap<string, string>,
): Map<string, NetworkMove> {
  const moved = new Map<string, NetworkMove>();
  for (const [logicalId, type] of replaced) {
    const kind = REPLACED_PLACE[type];
    if (kind) moved.set(logicalId, kind);
  }
  let settled = false;
  while (!settled) {
    settled = true;
    for (const [logicalId, resource] of Object.entries(planned)) {
      const kind = farther(moved.get(logicalId), placementMove(resource, changed, moved));
      if (kind !== moved.get(logicalId)) {
        moved.set(logicalId, kind as NetworkMove);
        settled = false;
      }
    }
  }
  // The replaced VPC itself is not "moved"; what sits in it is.
  return new Map([...moved].filter(([logicalId]) => PLACEMENT[planned[logicalId]?.Type ?? ''] !== undefined));
}

/** How far `resource` moves by its own placing properties, or undefined when it stays. */
function placementMove(
  resource: CfnResource,
  changed: ReadonlySet<string>,
  moved: ReadonlyMap<string, NetworkMove>,
): NetworkMove | undefined {
  let kind: NetworkMove | undefined;
  for (const [property, rule] of Object.entries(PLACEMENT[resource.Type] ?? {})) {
    for (const name of references(resource.Properties?.[property])) {
      kind = farther(kind, moved.get(name));
      if (rule !== 'follows' && changed.has(name)) kind = farther(kind, rule);
    }
  }
  return kind;
}

function farther(a: NetworkMove | undefined, b: NetworkMove | undefined): NetworkMove | undefined {
  return a === 'vpc' || b === 'vpc' ? 'vpc' : (a ?? b);
}

/** `another VPC` or `other subnets`, for messages. */
export function describeMove(kind: NetworkMove): string {
  return kind === 'vpc' ? 'another VPC' : 'other subnets';
}
