import { list, num, record, text } from '../properties.js';
import { resourceNodeId, type ResourceTarget } from '../references.js';
import { INTERNET, type NodeIndex, type RawEdge } from './context.js';

/**
 * Where each kind of node lists the security groups it wears. An EKS cluster also wears the
 * cluster security group EKS makes for it, named only as the cluster's `ClusterSecurityGroupId`.
 */
const WORN_AT: Readonly<Record<string, (props: Record<string, unknown>) => unknown>> = {
  'AWS::ECS::Service': (p) => record(record(p.NetworkConfiguration).AwsvpcConfiguration).SecurityGroups,
  'AWS::RDS::DBInstance': (p) => p.VPCSecurityGroups,
  'AWS::ElastiCache::ReplicationGroup': (p) => p.SecurityGroupIds,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': (p) => p.SecurityGroups,
  'AWS::Lambda::Function': (p) => record(p.VpcConfig).SecurityGroupIds,
  'AWS::EKS::Cluster': (p) => record(p.ResourcesVpcConfig).SecurityGroupIds,
  'AWS::ApiGatewayV2::VpcLink': (p) => p.SecurityGroupIds,
};

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

/**
 * From this many wearers on, a group whose members may all reach each other (every service of an
 * environment wears one shared group) is said once, not drawn: 30 services would make 870 arrows
 * that hide every other one, and the layout of them takes seconds.
 */
export const PEER_GROUP_MIN = 4;

/** Members of one security group that may reach each other on these ports. */
export interface PeerReach {
  readonly members: readonly string[];
  readonly labels: readonly string[];
}

/**
 * Network reach from security-group ingress rules, standalone and inline: every node wearing the
 * source group may open connections to every node wearing the target group, on the rule's ports;
 * a rule open to the whole internet starts at the internet node. Egress rules are not drawn: the
 * ingress side is where this kit narrows reach. Rules from groups no drawn node wears (the
 * database provisioner's task) are left out.
 */
export function networkEdges(index: NodeIndex): { edges: RawEdge[]; peers: PeerReach[] } {
  const { templates } = index;
  const wearers = new Map<string, string[]>();
  for (const node of index.nodes) {
    const main = node.resources[0];
    const at = main === undefined ? undefined : WORN_AT[main.type];
    if (main === undefined || at === undefined) continue;
    const props = templates.resource(main.stack, main.logicalId)?.Properties ?? {};
    const keys = templates.resolveAll(main.stack, list(at(props))).map(groupKey);
    if (main.type === 'AWS::EKS::Cluster') keys.push(`${resourceNodeId(main)}#ClusterSecurityGroupId`);
    for (const key of keys) wearers.set(key, [...(wearers.get(key) ?? []), node.id]);
  }

  const rules: {
    stack: string;
    group: unknown;
    groupTarget?: ResourceTarget;
    rule: Record<string, unknown>;
  }[] = [];
  for (const ingress of templates.all('AWS::EC2::SecurityGroupIngress')) {
    const props = ingress.resource.Properties ?? {};
    rules.push({ stack: ingress.stack, group: props.GroupId, rule: props });
  }
  for (const group of templates.all('AWS::EC2::SecurityGroup')) {
    for (const rule of list(group.resource.Properties?.SecurityGroupIngress)) {
      rules.push({ stack: group.stack, group: undefined, groupTarget: { ...group }, rule: record(rule) });
    }
  }

  const edges: RawEdge[] = [];
  const peers = new Map<string, { members: readonly string[]; labels: Set<string> }>();
  for (const { stack, group, groupTarget, rule } of rules) {
    const target = groupTarget ?? templates.resolve(stack, group);
    if (target === undefined) continue;
    const to = wearers.get(groupKey(target)) ?? [];
    const source = templates.resolve(stack, rule.SourceSecurityGroupId);
    const cidr = text(rule.CidrIp) ?? text(rule.CidrIpv6);
    const from =
      source !== undefined
        ? (wearers.get(groupKey(source)) ?? [])
        : cidr !== undefined && ANYWHERE.has(cidr)
          ? [INTERNET]
          : [];
    const label = portLabel(rule);
    if (source !== undefined && from.length >= PEER_GROUP_MIN && to.every((t) => from.includes(t))) {
      const key = groupKey(source);
      const peer = peers.get(key) ?? { members: from, labels: new Set<string>() };
      peer.labels.add(label);
      peers.set(key, peer);
      continue;
    }
    for (const f of from)
      for (const t of to) if (f !== t) edges.push({ from: f, to: t, kind: 'network', label });
  }
  return {
    edges,
    peers: [...peers.values()].map((p) => ({ members: [...p.members].sort(), labels: [...p.labels].sort() })),
  };
}

/** One key per security group, whichever way it is named (`Ref`, `GetAtt GroupId`). */
function groupKey(target: ResourceTarget): string {
  const id = resourceNodeId(target);
  return target.resource.Type === 'AWS::EC2::SecurityGroup' ? id : `${id}#${target.attribute ?? ''}`;
}

/** `tcp 5432`, `tcp 8000-8010`, `all traffic`. */
function portLabel(rule: Record<string, unknown>): string {
  const protocol = text(rule.IpProtocol) ?? 'tcp';
  if (protocol === '-1' || protocol === 'all') return 'all traffic';
  const from = num(rule.FromPort);
  const to = num(rule.ToPort);
  if (from === undefined) return protocol;
  return to === undefined || to === from ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}
