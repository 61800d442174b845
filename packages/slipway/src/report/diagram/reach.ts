import type { EnvironmentTemplates } from './references.js';
import { NodeIndex, type RawEdge } from './reach/context.js';
import { eventEdges } from './reach/events.js';
import { routeEdges } from './reach/routes.js';
import { networkEdges } from './reach/security-groups.js';
import type { DiagramEdge, DiagramNode } from './types.js';

export { INTERNET } from './reach/context.js';

/**
 * Every edge between the drawn nodes: network reach from security groups, request routes, and
 * event flows. Rules that join the same two nodes the same way merge into one edge whose label
 * lists each (`tcp 5432, tcp 6379`), so the diagram has one arrow per pair and kind.
 */
export function reachEdges(templates: EnvironmentTemplates, nodes: readonly DiagramNode[]): DiagramEdge[] {
  const index = new NodeIndex(templates, nodes);
  const raw: RawEdge[] = [...networkEdges(index), ...routeEdges(index), ...eventEdges(index)];
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
  return [...merged]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { from, to, kind, labels }]) => ({
      id,
      from,
      to,
      kind,
      ...(labels.size === 0 ? {} : { label: [...labels].sort().join(', ') }),
    }));
}
