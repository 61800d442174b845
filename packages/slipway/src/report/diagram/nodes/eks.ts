import type { DiagramNode } from '../types.js';
import { parentBySubnets } from '../placement.js';
import { list, num, record, text } from '../properties.js';
import { resourceNodeId, resourceRef, type StackResource } from '../references.js';
import type { NodeContext } from './context.js';

/**
 * Each EKS cluster as a group in the tier of its subnets, its managed node groups inside it. The
 * add-ons, access entries and Pod Identity associations are folded into the cluster; a queue in
 * the cluster's own stack is Karpenter's interruption queue, folded in too. Karpenter's node
 * pools are Kubernetes objects in the GitOps folder, not template resources, so they are not here.
 */
export function eksNodes({ templates, tiers }: NodeContext): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  for (const cluster of templates.all('AWS::EKS::Cluster')) {
    const id = resourceNodeId(cluster);
    const props = cluster.resource.Properties ?? {};
    const vpcConfig = record(props.ResourcesVpcConfig);
    const owned = (type: string) => templates.ownedBy(type, 'ClusterName', cluster);
    const addons = owned('AWS::EKS::Addon');
    const queues = templates.all('AWS::SQS::Queue').filter((q) => q.stack === cluster.stack);
    const autoMode = record(props.ComputeConfig).Enabled === true;
    const access = [
      ...(vpcConfig.EndpointPublicAccess === false ? [] : [`public API${publicCidrs(vpcConfig)}`]),
      ...(vpcConfig.EndpointPrivateAccess === true ? ['private API'] : []),
    ].join(' · ');
    const parent = parentBySubnets(templates, tiers, cluster.stack, vpcConfig.SubnetIds);
    nodes.push({
      id,
      kind: 'cluster',
      label: `EKS ${text(props.Name) ?? cluster.logicalId}${text(props.Version) === undefined ? '' : ` (${text(props.Version)})`}`,
      details: [
        access,
        ...(addons.length > 0
          ? [
              `add-ons: ${addons
                .map((a) => text(a.resource.Properties?.AddonName) ?? '?')
                .sort()
                .join(', ')}`,
            ]
          : []),
        ...(autoMode ? ['Auto Mode'] : []),
        ...(queues.length > 0 ? ['Karpenter'] : []),
      ].filter((line) => line !== ''),
      ...(parent === undefined ? {} : { parent }),
      resources: [
        resourceRef(cluster),
        ...[
          ...addons,
          ...owned('AWS::EKS::AccessEntry'),
          ...owned('AWS::EKS::PodIdentityAssociation'),
          ...queues,
        ].map(resourceRef),
      ],
    });
    for (const group of owned('AWS::EKS::Nodegroup')) nodes.push(nodeGroupNode(templates, group, id));
  }
  return nodes;
}

function nodeGroupNode(
  templates: NodeContext['templates'],
  group: StackResource,
  clusterId: string,
): DiagramNode {
  const props = group.resource.Properties ?? {};
  const scaling = record(props.ScalingConfig);
  const launchTemplate = templates.resolve(group.stack, record(props.LaunchTemplate).Id);
  const desired = num(scaling.DesiredSize);
  return {
    id: resourceNodeId(group),
    kind: 'node-pool',
    label: text(props.NodegroupName) ?? group.logicalId,
    details: [
      list(props.InstanceTypes)
        .map((t) => text(t) ?? '?')
        .join(', ') || 'instance type from launch template',
      `${desired ?? '?'} node${desired === 1 ? '' : 's'} (${num(scaling.MinSize) ?? '?'}–${num(scaling.MaxSize) ?? '?'})`,
      [
        text(props.CapacityType) === 'SPOT' ? 'Spot' : 'on-demand',
        /ARM/.test(text(props.AmiType) ?? '') ? 'arm64' : 'x86',
      ].join(' · '),
    ],
    parent: clusterId,
    resources: [resourceRef(group), ...(launchTemplate === undefined ? [] : [resourceRef(launchTemplate)])],
  };
}

function publicCidrs(vpcConfig: Record<string, unknown>): string {
  const cidrs = list(vpcConfig.PublicAccessCidrs).map((c) => text(c) ?? '?');
  return cidrs.length === 0 || cidrs.includes('0.0.0.0/0') ? ' (anywhere)' : ` (${cidrs.join(', ')})`;
}
