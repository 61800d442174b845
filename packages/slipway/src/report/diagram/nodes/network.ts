import type { DiagramNode } from '../types.js';
import type { SubnetTiers } from '../placement.js';
import { type EnvironmentTemplates, resourceNodeId, resourceRef, type StackResource } from '../references.js';
import { tag, text } from '../properties.js';

/** The tiers CDK tags subnets with (`aws-cdk:subnet-type`), in the order a reader scans them. */
const TIER_ORDER = ['public', 'private', 'isolated'] as const;

/**
 * The VPC as a group, a group per subnet tier inside it (zones and CIDRs as details), and the
 * NAT gateways in the tier that holds them. Route tables, flow logs and gateways are plumbing.
 */
export function networkNodes(templates: EnvironmentTemplates): { nodes: DiagramNode[]; tiers: SubnetTiers } {
  const nodes: DiagramNode[] = [];
  const tierOfSubnet = new Map<string, string>();
  const vpcOfTier = new Map<string, string>();

  for (const vpc of templates.all('AWS::EC2::VPC')) {
    const vpcId = resourceNodeId(vpc);
    const vpcEndpoints = templates.ownedBy('AWS::EC2::VPCEndpoint', 'VpcId', vpc);
    nodes.push({
      id: vpcId,
      kind: 'vpc',
      label: 'VPC',
      details: [
        text(vpc.resource.Properties?.CidrBlock) ?? 'CIDR from IPAM',
        ...vpcEndpoints.map(
          (e) =>
            `${endpointService(e)} ${String(e.resource.Properties?.VpcEndpointType ?? 'Gateway').toLowerCase()} endpoint`,
        ),
      ],
      resources: [resourceRef(vpc), ...vpcEndpoints.map(resourceRef)],
    });

    const byTier = new Map<string, StackResource[]>();
    for (const subnet of templates.ownedBy('AWS::EC2::Subnet', 'VpcId', vpc)) {
      const tier = (tag(subnet.resource.Properties, 'aws-cdk:subnet-type') ?? 'other').toLowerCase();
      byTier.set(tier, [...(byTier.get(tier) ?? []), subnet]);
    }
    for (const [tier, members] of [...byTier].sort(
      ([a], [b]) => tierRank(a) - tierRank(b) || a.localeCompare(b),
    )) {
      const tierId = `${vpcId}/${tier}`;
      vpcOfTier.set(tierId, vpcId);
      for (const subnet of members) tierOfSubnet.set(resourceNodeId(subnet), tierId);
      const zones = new Set(members.map((s) => text(s.resource.Properties?.AvailabilityZone)));
      nodes.push({
        id: tierId,
        kind: 'subnet-tier',
        label: `${tier} subnets`,
        details: [
          `${zones.size} zone${zones.size === 1 ? '' : 's'}`,
          members.map((s) => text(s.resource.Properties?.CidrBlock) ?? '?').join(' · '),
        ],
        parent: vpcId,
        resources: members.map(resourceRef),
      });
    }
  }

  for (const nat of templates.all('AWS::EC2::NatGateway')) {
    const subnet = templates.resolve(nat.stack, nat.resource.Properties?.SubnetId);
    const parent = subnet === undefined ? undefined : tierOfSubnet.get(resourceNodeId(subnet));
    const zone = text(subnet?.resource.Properties?.AvailabilityZone);
    nodes.push({
      id: resourceNodeId(nat),
      kind: 'nat',
      label: 'NAT gateway',
      details: zone === undefined ? [] : [zone],
      ...(parent === undefined ? {} : { parent }),
      resources: [resourceRef(nat)],
    });
  }
  return { nodes, tiers: { tierOfSubnet, vpcOfTier } };
}

function tierRank(tier: string): number {
  const at = (TIER_ORDER as readonly string[]).indexOf(tier);
  return at < 0 ? TIER_ORDER.length : at;
}

/** `com.amazonaws.<region>.s3` → `S3`; the region is often a `Ref` inside a join. */
function endpointService(endpoint: StackResource): string {
  const name = endpoint.resource.Properties?.ServiceName;
  const join = (name as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  const flat = Array.isArray(join)
    ? join[1].map((part) => text(part) ?? 'region').join(join[0])
    : (text(name) ?? '');
  return flat.split('.').slice(3).join('.').toUpperCase() || 'service';
}
