import { text } from '../properties.js';
import type { DiagramNode } from '../types.js';
import { INTERNET, type NodeIndex, type RawEdge } from './context.js';

/**
 * Where an HTTP API sends requests: the internet to the API, then for each integration that a
 * route uses, the API to the integration's VPC link and the link to what the integration names
 * (a service's Cloud Map entry lands on the service), labelled with the routes' keys as a load
 * balancer's edges carry their rules' paths. An integration without a VPC link (a function, a
 * public URL) goes straight from the API. An integration no route uses takes no request and is
 * not drawn. The API's id and the link's come from the runtime stack's SSM parameters, which
 * `NodeIndex` follows across stacks.
 */
export function httpApiEdges(index: NodeIndex): RawEdge[] {
  const { templates } = index;
  const edges: RawEdge[] = [];
  for (const api of index.ofType('AWS::ApiGatewayV2::Api')) {
    edges.push({ from: INTERNET, to: api.id, kind: 'route', label: 'HTTPS' });
  }
  for (const integration of templates.all('AWS::ApiGatewayV2::Integration')) {
    const props = integration.resource.Properties ?? {};
    const apis = index.nodesOf(integration.stack, props.ApiId).filter((n) => n.kind === 'http-api');
    const routes = templates.ownedBy('AWS::ApiGatewayV2::Route', 'Target', integration);
    if (routes.length === 0) continue;
    const label = routes
      .map((r) => routeKeyLabel(text(r.resource.Properties?.RouteKey)))
      .sort()
      .join(', ');
    const link =
      text(props.ConnectionType) === 'VPC_LINK'
        ? index.nodesOf(integration.stack, props.ConnectionId).find((n) => n.kind === 'vpc-link')
        : undefined;
    const targets = index
      .nodesOf(integration.stack, props.IntegrationUri)
      .filter((t: DiagramNode) => !apis.includes(t) && t !== link);
    for (const api of apis) {
      if (link !== undefined)
        edges.push({ from: api.id, to: link.id, kind: 'route', label: 'private integrations' });
      for (const target of targets) {
        edges.push({ from: (link ?? api).id, to: target.id, kind: 'route', label });
      }
    }
  }
  return edges;
}

/**
 * `/orders/{proxy+}` for `ANY /orders/{proxy+}`: a method is named only when the route keeps to
 * one; `$default` (whatever no other route matches) is kept as API Gateway writes it.
 */
export function routeKeyLabel(routeKey: string | undefined): string {
  if (routeKey === undefined) return '?';
  return routeKey.startsWith('ANY ') ? routeKey.slice('ANY '.length) : routeKey;
}
