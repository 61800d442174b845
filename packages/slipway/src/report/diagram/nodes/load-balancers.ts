import type { DiagramNode } from '../types.js';
import { parentBySubnets } from '../placement.js';
import { text } from '../properties.js';
import { resourceNodeId, resourceRef } from '../references.js';
import type { NodeContext } from './context.js';

/**
 * Each load balancer, in the tier of its subnets, with its listeners folded in as details
 * (`HTTPS :443`): a listener has no life of its own on the diagram, the routes leave from the
 * load balancer with the listener in their label.
 */
export function loadBalancerNodes({ templates, tiers }: NodeContext): DiagramNode[] {
  return templates.all('AWS::ElasticLoadBalancingV2::LoadBalancer').map((lb) => {
    const id = resourceNodeId(lb);
    const own = templates
      .ownedBy('AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn', lb)
      .sort((a, b) => Number(a.resource.Properties?.Port) - Number(b.resource.Properties?.Port));
    const props = lb.resource.Properties ?? {};
    const parent = parentBySubnets(templates, tiers, lb.stack, props.Subnets);
    return {
      id,
      kind: 'load-balancer' as const,
      label: `${text(props.Type) === 'network' ? 'NLB' : 'ALB'} ${text(props.Name) ?? ''}`.trim(),
      details: [
        text(props.Scheme) ?? 'internet-facing',
        ...own.map((l) => listenerLabel(l.resource.Properties)),
      ],
      ...(parent === undefined ? {} : { parent }),
      resources: [resourceRef(lb), ...own.map(resourceRef)],
    };
  });
}

/** `HTTP :80`, from a listener's properties. */
export function listenerLabel(properties: Readonly<Record<string, unknown>> | undefined): string {
  return `${text(properties?.Protocol) ?? 'TCP'} :${text(properties?.Port) ?? '?'}`;
}
