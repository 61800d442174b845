import type { EnvironmentTemplates } from './references.js';
import { NodeIndex, type RawEdge } from './reach/context.js';
import { eventEdges } from './reach/events.js';
import { routeEdges } from './reach/routes.js';
import { networkEdges, type PeerReach } from './reach/security-groups.js';
import type { DiagramEdge, DiagramNode } from './types.js';

export { INTERNET } from './reach/context.js';
export type { PeerReach } from './reach/security-groups.js';

/**
 * Every edge between the drawn nodes: network reach from security groups, request routes, and
 * event flows. Rules that join the same two nodes the same way merge into one edge whose label
 * lists each (`tcp 5432, tcp 6379`), so the diagram has one arrow per pair and kind. Members of
 * a large shared group that may all reach each other come back as `peers`, to be said in words.
 */
export function reachEdges(
  templates: EnvironmentTemplates,
  nodes: readonly DiagramNode[],
): { edges: DiagramEdge[]; peers: PeerReach[] } {
  const index = new NodeIndex(templates, nodes);
  const network = networkEdges(index);
  const routes = routeEdges(index);
  // A route says more than the reach it needs: the load balancer → service arrow is drawn once,
  // as the route, its label naming the port the security group opens for it.
  const routed = new Set(routes.map((r) => `${r.from}->${r.to}`));
  const reachOnly = network.edges.filter((e) => !routed.has(`${e.from}->${e.to}`));
  const ports = new Map(network.edges.map((e) => [`${e.from}->${e.to}`, e.label]));
  const raw: RawEdge[] = [
    ...reachOnly,
    ...routes.map((r) => {
      const port = ports.get(`${r.from}->${r.to}`);
      return port === undefined ? r : { ...r, label: `${r.label ?? ''} → ${port}`.trim() };
    }),
    ...eventEdges(index),
  ];
  const merged = new Map<string, { from: string; to: string; kind: RawEdge['kind']; labels: Set<string> }>();
  for (const edge of raw) {
    const id = `${edge.from}->${edge.to}:${edge.kind}`;
    const entry = merged.get(id) ?? {
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      labels: new Set<string>(),
    };
    if (edge.label !== undefined && edge.label !== '') entry.labels.add(edge.label);
    merged.set(id, entry);
  }
  const edges = [...merged]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { from, to, kind, labels }]) => ({
      id,
      from,
      to,
      kind,
      ...(labels.size === 0 ? {} : { label: [...labels].sort().join(', ') }),
    }));
  return { edges, peers: network.peers };
}
