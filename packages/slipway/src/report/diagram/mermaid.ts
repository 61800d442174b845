import { strongerChange } from './node-change.js';
import type {
  Diagram,
  DiagramEdge,
  DiagramEdgeKind,
  DiagramNode,
  DiagramNodeKind,
  NodeChange,
} from './types.js';

/**
 * Above this many nodes a diagram is drawn collapsed: one node per kind in each group. GitHub
 * renders Mermaid within limits of its own (text size, edges), and a 300-node chart in a pull
 * request comment is unreadable anyway.
 */
export const MERMAID_NODE_LIMIT = 100;

/** GitHub's Mermaid stops at 500 edges; past this many the diagram is collapsed too. */
export const MERMAID_EDGE_LIMIT = 400;

/** Mermaid's node shapes, open and close around the quoted label. */
const SHAPES: Record<DiagramNodeKind, readonly [string, string]> = {
  vpc: ['[', ']'],
  'subnet-tier': ['[', ']'],
  cluster: ['[', ']'],
  internet: ['((', '))'],
  nat: ['{{', '}}'],
  'load-balancer': ['{{', '}}'],
  listener: ['[/', '/]'],
  'http-api': ['{{', '}}'],
  'vpc-link': ['[/', '/]'],
  service: ['(', ')'],
  database: ['[(', ')]'],
  cache: ['[(', ')]'],
  table: ['[(', ')]'],
  queue: ['>', ']'],
  topic: ['[/', '\\]'],
  function: ['([', '])'],
  distribution: ['((', '))'],
  firewall: ['[\\', '/]'],
  'node-pool': ['[[', ']]'],
  'user-pool': ['[[', ']]'],
  bucket: ['[(', ')]'],
  registry: ['[(', ')]'],
  role: ['[/', '/]'],
  workflow: ['[', ']'],
  job: ['(', ')'],
};

/** Network reach dotted, requests solid, events thick, workflow order solid. */
const ARROWS: Record<DiagramEdgeKind, string> = {
  network: '-.->',
  route: '-->',
  event: '==>',
  needs: '-->',
};

const CHANGE_STYLES: Record<NodeChange, string> = {
  added: 'fill:#dafbe1,stroke:#1a7f37,stroke-width:2px',
  changed: 'fill:#fff8c5,stroke:#9a6700,stroke-width:2px',
  replaced: 'fill:#ffebe9,stroke:#cf222e,stroke-width:3px',
  removed: 'fill:#eaeef2,stroke:#57606a,stroke-dasharray:4 3',
};

/**
 * A diagram as a Mermaid flowchart (`flowchart LR`): group nodes as subgraphs, a shape per node
 * kind, an arrow style per edge kind, and each node `changes` names styled by how it changes.
 * Ids are rewritten to Mermaid-safe ones and labels escaped, so any resource name draws.
 */
export function diagramMermaid(diagram: Diagram, changes?: ReadonlyMap<string, NodeChange>): string {
  const drawn = tooLarge(diagram) ? collapse(diagram, changes) : { diagram, changes };
  return render(drawn.diagram, drawn.changes ?? new Map());
}

/** Whether the chart is drawn collapsed, one node per kind in each group. */
export function tooLarge(diagram: Diagram): boolean {
  return diagram.nodes.length > MERMAID_NODE_LIMIT || diagram.edges.length > MERMAID_EDGE_LIMIT;
}

function render(diagram: Diagram, changes: ReadonlyMap<string, NodeChange>): string {
  const ids = mermaidIds(diagram.nodes);
  const parents = new Set(diagram.nodes.flatMap((n) => (n.parent === undefined ? [] : [n.parent])));
  const known = new Set(diagram.nodes.map((n) => n.id));
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of diagram.nodes) {
    // A parent the diagram lacks would hide the node: draw it at the top instead.
    const parent = node.parent !== undefined && known.has(node.parent) ? node.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }

  const lines = ['flowchart LR'];
  const emit = (parent: string | undefined, depth: number): void => {
    const pad = '  '.repeat(depth);
    for (const node of children.get(parent) ?? []) {
      const id = ids.get(node.id)!;
      if (parents.has(node.id)) {
        lines.push(`${pad}subgraph ${id}["${escapeLabel(node.label)}"]`);
        emit(node.id, depth + 1);
        lines.push(`${pad}end`);
      } else {
        const [open, close] = SHAPES[node.kind];
        lines.push(`${pad}${id}${open}"${nodeText(node)}"${close}`);
      }
    }
  };
  emit(undefined, 1);

  for (const edge of diagram.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const label = edge.label === undefined || edge.label === '' ? '' : `|"${escapeLabel(edge.label)}"|`;
    lines.push(`  ${from} ${ARROWS[edge.kind]}${label} ${to}`);
  }

  const byChange = new Map<NodeChange, string[]>();
  for (const [nodeId, change] of changes) {
    const id = ids.get(nodeId);
    if (id !== undefined) byChange.set(change, [...(byChange.get(change) ?? []), id]);
  }
  for (const [change, members] of byChange) {
    lines.push(`  classDef ${change} ${CHANGE_STYLES[change]}`, `  class ${members.join(',')} ${change}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The label, then its detail lines, each escaped. */
function nodeText(node: DiagramNode): string {
  return [node.label, ...node.details].map(escapeLabel).join('<br/>');
}

/**
 * Text safe inside a quoted Mermaid label: quotes and the characters Mermaid or its HTML labels
 * read as markup become entity codes (`#quot;`).
 */
function escapeLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#amp;')
    .replace(/[\r\n]+/g, ' ');
}

/**
 * `n_<id as letters, digits and underscores>`: the prefix keeps Mermaid keywords (`end`, `graph`)
 * and leading digits out; a counter separates ids that reduce to the same text.
 */
function mermaidIds(nodes: readonly DiagramNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of nodes) {
    const base = `n_${node.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let i = 2; taken.has(id); i += 1) id = `${base}_${i}`;
    taken.add(id);
    ids.set(node.id, id);
  }
  return ids;
}

/**
 * A large diagram with its groups kept and, in each group, one node per kind (`14 × service`):
 * edges join the collapsed nodes, and each takes the strongest change among its members.
 */
function collapse(
  diagram: Diagram,
  changes: ReadonlyMap<string, NodeChange> | undefined,
): { diagram: Diagram; changes: Map<string, NodeChange> } {
  const groups = new Set(diagram.nodes.flatMap((n) => (n.parent === undefined ? [] : [n.parent])));
  const target = new Map<string, string>();
  const members = new Map<string, DiagramNode[]>();
  for (const node of diagram.nodes) {
    const id = groups.has(node.id) ? node.id : `${node.parent ?? ''}|${node.kind}`;
    target.set(node.id, id);
    members.set(id, [...(members.get(id) ?? []), node]);
  }
  const nodes = [...members].map(([id, group]): DiagramNode => {
    const first = group[0]!;
    if (groups.has(first.id) || group.length === 1) return { ...first, id };
    return {
      id,
      kind: first.kind,
      label: `${group.length} × ${first.kind}`,
      details: [],
      parent: first.parent,
      resources: [],
    };
  });
  const edges = new Map<string, DiagramEdge>();
  for (const edge of diagram.edges) {
    const from = target.get(edge.from);
    const to = target.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}->${to}:${edge.kind}`;
    const existing = edges.get(key);
    edges.set(key, { id: key, from, to, kind: edge.kind, label: existing ? undefined : edge.label });
  }
  const collapsedChanges = new Map<string, NodeChange>();
  for (const [nodeId, change] of changes ?? []) {
    const id = target.get(nodeId);
    if (id === undefined) continue;
    collapsedChanges.set(id, strongerChange(collapsedChanges.get(id), change));
  }
  return { diagram: { title: diagram.title, nodes, edges: [...edges.values()] }, changes: collapsedChanges };
}
