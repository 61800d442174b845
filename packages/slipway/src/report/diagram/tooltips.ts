import { EDGE_STYLES, groupStyleOf, THING_STYLES, thingKindOf } from './kind-styles.js';
import type { LaidOutDiagram } from './layout.js';
import type { DiagramEdge, DiagramNode, NodeChange } from './types.js';

/** Connections listed per node before the rest is summed up as "… and N more". */
const MAX_LISTED = 12;

/**
 * What a reader sees on hovering: for a node its kind, details, change, the template resources
 * behind it and whom it reaches and is reached by. The last matters most in a big diagram, where
 * edges into one database share a trunk and no single arrow can be followed by eye.
 */
export class Tooltips {
  private readonly names = new Map<string, string>();
  private readonly outgoing = new Map<string, string[]>();
  private readonly incoming = new Map<string, string[]>();

  constructor(laid: LaidOutDiagram) {
    for (const placed of laid.nodes) this.names.set(placed.node.id, placed.node.label);
    for (const { edge } of laid.edges) {
      push(this.outgoing, edge.from, `${this.nameOf(edge.to)} (${describe(edge)})`);
      push(this.incoming, edge.to, `${this.nameOf(edge.from)} (${describe(edge)})`);
    }
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? id;
  }

  node(node: DiagramNode, change: NodeChange | undefined): string {
    const kindName = Object.hasOwn(THING_STYLES, node.kind)
      ? THING_STYLES[thingKindOf(node.kind)].name
      : groupStyleOf(node.kind).name;
    const lines = [`${node.label} (${kindName})`, ...node.details];
    if (change) lines.push(`Change: ${change}`);
    listed(lines, 'Reaches:', this.outgoing.get(node.id));
    listed(lines, 'Reached from:', this.incoming.get(node.id));
    listed(
      lines,
      'Resources:',
      node.resources.map((ref) => `${ref.stack}/${ref.logicalId} (${ref.type})`),
    );
    return lines.join('\n');
  }

  edge(edge: DiagramEdge): string {
    return `${this.nameOf(edge.from)} → ${this.nameOf(edge.to)} (${describe(edge)})`;
  }
}

function describe(edge: DiagramEdge): string {
  const kind = EDGE_STYLES[edge.kind].name.toLowerCase();
  return edge.label ? `${kind}: ${edge.label}` : kind;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function listed(lines: string[], heading: string, items: readonly string[] | undefined): void {
  if (!items || items.length === 0) return;
  lines.push(heading, ...items.slice(0, MAX_LISTED).map((item) => `  ${item}`));
  if (items.length > MAX_LISTED) lines.push(`  … and ${items.length - MAX_LISTED} more`);
}
