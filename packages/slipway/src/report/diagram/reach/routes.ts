import { listenerLabel } from '../nodes/load-balancers.js';
import { list, record, text } from '../properties.js';
import { resourceNodeId, type StackResource } from '../references.js';
import type { DiagramNode } from '../types.js';
import { INTERNET, type NodeIndex, type RawEdge } from './context.js';
import { httpApiEdges } from './http-api-routes.js';

/**
 * Where requests go: load balancer → service through each listener's default action and rules
 * (labelled with the listener and the rule's path or host), HTTP API → VPC link → service through
 * its routes, CloudFront → its origin's load balancer, and a web ACL in front of what it guards,
 * the internet in front of the edge.
 */
export function routeEdges(index: NodeIndex): RawEdge[] {
  return [...listenerEdges(index), ...httpApiEdges(index), ...edgeEdges(index)];
}

function listenerEdges(index: NodeIndex): RawEdge[] {
  const { templates } = index;
  const serviceOfTargetGroup = new Map<string, DiagramNode>();
  for (const service of index.ofType('AWS::ECS::Service')) {
    const main = service.resources[0];
    if (main === undefined) continue;
    const props = templates.resource(main.stack, main.logicalId)?.Properties ?? {};
    for (const lb of list(props.LoadBalancers)) {
      const entry = record(lb);
      const groups = [entry.TargetGroupArn, record(entry.AdvancedConfiguration).AlternateTargetGroupArn];
      for (const group of templates.resolveAll(main.stack, groups))
        serviceOfTargetGroup.set(resourceNodeId(group), service);
    }
  }
  const forwardsTo = (stack: string, actions: unknown): DiagramNode[] => {
    const forwards = list(actions).filter((a) => text(record(a).Type) === 'forward');
    const groups = templates.resolveAll(stack, forwards);
    return [...new Set(groups.map((g) => serviceOfTargetGroup.get(resourceNodeId(g))))].filter(
      (s): s is DiagramNode => s !== undefined,
    );
  };

  const edges: RawEdge[] = [];
  const listeners = new Map(
    templates.all('AWS::ElasticLoadBalancingV2::Listener').map((l) => [resourceNodeId(l), l]),
  );
  const fromListener = (listener: StackResource, actions: unknown, stack: string, condition?: string) => {
    const lb = index.nodeOf(templates.resolve(listener.stack, listener.resource.Properties?.LoadBalancerArn));
    if (lb === undefined) return;
    const label = [listenerLabel(listener.resource.Properties), condition]
      .filter((l) => l !== undefined)
      .join(' ');
    for (const service of forwardsTo(stack, actions))
      edges.push({ from: lb.id, to: service.id, kind: 'route', label });
  };
  for (const listener of listeners.values())
    fromListener(listener, listener.resource.Properties?.DefaultActions, listener.stack);
  for (const rule of templates.all('AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const props = rule.resource.Properties ?? {};
    const target = templates.resolve(rule.stack, props.ListenerArn);
    const listener = target === undefined ? undefined : listeners.get(resourceNodeId(target));
    if (listener !== undefined)
      fromListener(listener, props.Actions, rule.stack, conditionLabel(props.Conditions));
  }
  return edges;
}

/** `/orders, /orders/*`, `host api.example.com`: what a listener rule matches. */
function conditionLabel(conditions: unknown): string | undefined {
  const parts = list(conditions).map((c) => {
    const condition = record(c);
    const field = text(condition.Field);
    const values = (config: unknown) =>
      list(record(config).Values ?? condition.Values).map((v) => text(v) ?? '?');
    if (field === 'path-pattern') return values(condition.PathPatternConfig).join(', ');
    if (field === 'host-header') return `host ${values(condition.HostHeaderConfig).join(', ')}`;
    if (field === 'source-ip') return `from ${values(condition.SourceIpConfig).join(', ')}`;
    return field ?? '';
  });
  const label = parts.filter((p) => p !== '').join(' · ');
  return label === '' ? undefined : label;
}

function edgeEdges(index: NodeIndex): RawEdge[] {
  const { templates } = index;
  const edges: RawEdge[] = [];
  const guarded = new Set<string>();
  for (const distribution of index.ofType('AWS::CloudFront::Distribution')) {
    const main = distribution.resources[0];
    if (main === undefined) continue;
    const config = record(templates.resource(main.stack, main.logicalId)?.Properties?.DistributionConfig);
    for (const origin of list(config.Origins)) {
      const vpcOrigin = templates.resolve(main.stack, record(record(origin).VpcOriginConfig).VpcOriginId);
      const through =
        vpcOrigin === undefined
          ? record(origin).DomainName
          : record(vpcOrigin.resource.Properties?.VpcOriginEndpointConfig).Arn;
      for (const target of index.nodesOf(vpcOrigin?.stack ?? main.stack, through)) {
        if (target.id !== distribution.id) {
          edges.push({
            from: distribution.id,
            to: target.id,
            kind: 'route',
            label: vpcOrigin === undefined ? 'origin' : 'VPC origin',
          });
        }
      }
    }
    for (const acl of index.nodesOf(main.stack, config.WebACLId)) {
      edges.push({ from: INTERNET, to: acl.id, kind: 'route', label: 'HTTPS' });
      edges.push({ from: acl.id, to: distribution.id, kind: 'route', label: 'allowed requests' });
      guarded.add(distribution.id);
    }
    if (!guarded.has(distribution.id))
      edges.push({ from: INTERNET, to: distribution.id, kind: 'route', label: 'HTTPS' });
  }
  for (const association of templates.all('AWS::WAFv2::WebACLAssociation')) {
    const props = association.resource.Properties ?? {};
    for (const acl of index.nodesOf(association.stack, props.WebACLArn)) {
      for (const target of index.nodesOf(association.stack, props.ResourceArn)) {
        edges.push({ from: acl.id, to: target.id, kind: 'route', label: 'allowed requests' });
      }
    }
  }
  return edges;
}
