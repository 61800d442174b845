import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api.js';
import { ReportInputError } from '../errors.js';
import { layOutOnThread } from '../drawing/thread.js';
import { clipText, GROUP_BOX, GROUP_KINDS, groupMinimumSize, MAX_CHARS, thingSize } from './node-box.js';
import { EDGE_TEXT, textWidth } from './text-size.js';
import type { Diagram, DiagramEdge, DiagramNode } from './types.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  /** Absolute, from the diagram's top left. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidOutNode extends Box {
  readonly node: DiagramNode;
  /** The label and details as drawn: clipped to a readable length (the node keeps them whole). */
  readonly label: string;
  readonly details: readonly string[];
  /** Drawn as a labelled frame around other nodes rather than as a thing. */
  readonly isGroup: boolean;
  /** 0 at the top level, 1 inside one group, and so on. */
  readonly depth: number;
}

export interface LaidOutEdge {
  readonly edge: DiagramEdge;
  /** The label as drawn, clipped; absent when another edge with the same label says it. */
  readonly label?: string;
  /** The route from the source's border to the target's, absolute, bends included. */
  readonly points: readonly Point[];
  /** Where the edge's label goes, when it has one. */
  readonly labelBox?: Box;
}

export interface LaidOutDiagram {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** Groups before what they hold (so drawing in order paints children on top), siblings by id. */
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  // Coordinates come back absolute, so nested boxes and cross-group edges need no re-basing.
  'org.eclipse.elk.json.shapeCoords': 'ROOT',
  'org.eclipse.elk.json.edgeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.spacing.nodeNode': '18',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.componentComponent': '32',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

const GROUP_OPTIONS: Record<string, string> = {
  'elk.padding': `[top=${GROUP_BOX.headerHeight + 8},left=${GROUP_BOX.padding},bottom=${GROUP_BOX.padding},right=${GROUP_BOX.padding}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
};

const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Places every node and routes every edge with ELK's layered algorithm: groups (the VPC, its
 * subnet tiers, a cluster) become compound nodes and edges may cross them. Inputs are sorted by
 * id first, so the same diagram always gets the same coordinates whatever order it was built in.
 */
export async function layoutDiagram(diagram: Diagram): Promise<LaidOutDiagram> {
  const nodes = [...diagram.nodes].sort(byId);
  const edges = [...diagram.edges].sort(byId);
  const nodesById = indexNodes(diagram.title, nodes);
  const childrenOf = groupChildren(diagram.title, nodes, nodesById);
  checkEdges(diagram.title, edges, nodesById);

  const isThing = (id: string): boolean => {
    const node = nodesById.get(id);
    return node !== undefined && !childrenOf.has(id) && !GROUP_KINDS.has(node.kind);
  };
  const { labelled, sharedLabel } = labelsToDraw(edges);

  const toElk = (node: DiagramNode): ElkNode => {
    const children = childrenOf.get(node.id) ?? [];
    if (children.length === 0 && !GROUP_KINDS.has(node.kind)) {
      return {
        id: node.id,
        ...thingSize(...drawnText(node)),
        layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE' },
        ports: [
          { id: inPort(node.id), layoutOptions: { 'elk.port.side': 'WEST' } },
          { id: outPort(node.id), layoutOptions: { 'elk.port.side': 'EAST' } },
        ],
      };
    }
    const minimum = groupMinimumSize(...drawnText(node));
    return {
      id: node.id,
      layoutOptions: { ...GROUP_OPTIONS, 'elk.nodeSize.minimum': `(${minimum.width},${minimum.height})` },
      children: children.map(toElk),
    };
  };
  const graph: ElkNode = {
    id: '(root)',
    layoutOptions: LAYOUT_OPTIONS,
    children: (childrenOf.get(undefined) ?? []).map(toElk),
    edges: edges.map((edge): ElkExtendedEdge => ({
      id: edge.id,
      sources: [isThing(edge.from) ? outPort(edge.from) : edge.from],
      targets: [isThing(edge.to) ? inPort(edge.to) : edge.to],
      labels:
        labelled.has(edge.id) && edge.label
          ? [edgeLabel(drawnEdgeLabel(edge.label), sharedLabel.has(edge.id))]
          : [],
    })),
  };

  const laid = await layOutOnThread(graph);

  const placedNodes: LaidOutNode[] = [];
  const visit = (placed: ElkNode, depth: number): void => {
    const node = nodesById.get(placed.id);
    if (!node) return;
    const [label, details] = drawnText(node);
    placedNodes.push({
      node,
      label,
      details,
      isGroup: placed.children !== undefined,
      depth,
      x: placed.x ?? 0,
      y: placed.y ?? 0,
      width: placed.width ?? 0,
      height: placed.height ?? 0,
    });
    for (const child of placed.children ?? []) visit(child, depth + 1);
  };
  for (const child of laid.children ?? []) visit(child, 0);

  const edgesById = new Map(edges.map((edge) => [edge.id, edge]));
  const placedEdges = (laid.edges ?? []).flatMap((placed: ElkExtendedEdge): LaidOutEdge[] => {
    const edge = edgesById.get(placed.id);
    if (!edge) return [];
    const label = placed.labels?.[0];
    return [
      {
        edge,
        points: (placed.sections ?? []).flatMap((section) => [
          section.startPoint,
          ...(section.bendPoints ?? []),
          section.endPoint,
        ]),
        ...(label && edge.label
          ? {
              label: drawnEdgeLabel(edge.label),
              labelBox: {
                x: label.x ?? 0,
                y: label.y ?? 0,
                width: label.width ?? 0,
                height: label.height ?? 0,
              },
            }
          : {}),
      },
    ];
  });

  return {
    title: diagram.title,
    width: Math.ceil(laid.width ?? 0),
    height: Math.ceil(laid.height ?? 0),
    nodes: placedNodes,
    edges: placedEdges,
  };
}

// Every thing has one port per side, so edges that meet it share a point: ELK's orthogonal router
// then draws the many edges of a fan-in or fan-out as one trunk and its branches, not as a ribbon.
const inPort = (id: string): string => `${id}#in`;
const outPort = (id: string): string => `${id}#out`;

function drawnText(node: DiagramNode): [string, string[]] {
  return [
    clipText(node.label, MAX_CHARS.label),
    node.details.map((line) => clipText(line, MAX_CHARS.detail)),
  ];
}

const drawnEdgeLabel = (label: string): string => clipText(label, MAX_CHARS.edgeLabel);

function edgeLabel(text: string, shared: boolean): ElkLabel {
  return {
    text,
    width: textWidth(text, EDGE_TEXT) + 6,
    height: EDGE_TEXT.lineHeight + 2,
    // A label that stands for several edges sits where they have merged: at the shared end.
    layoutOptions: { 'elk.edgeLabels.placement': shared ? 'HEAD' : 'CENTER' },
  };
}

/**
 * Which edges carry their label. Edges with the same label, kind and target (thirty services'
 * `tcp 5432` into one database) say it once, on the first of them, instead of thirty times.
 */
function labelsToDraw(edges: readonly DiagramEdge[]): { labelled: Set<string>; sharedLabel: Set<string> } {
  const groups = new Map<string, DiagramEdge[]>();
  for (const edge of edges) {
    if (!edge.label) continue;
    const key = JSON.stringify([edge.to, edge.kind, edge.label]);
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  const labelled = new Set<string>();
  const sharedLabel = new Set<string>();
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    labelled.add(first.id);
    if (group.length > 1) sharedLabel.add(first.id);
  }
  return { labelled, sharedLabel };
}

function indexNodes(title: string, nodes: readonly DiagramNode[]): Map<string, DiagramNode> {
  const byIdMap = new Map<string, DiagramNode>();
  for (const node of nodes) {
    if (node.id === '') {
      throw new ReportInputError(`Diagram "${title}": a node has an empty id; give every node a unique id.`);
    }
    if (byIdMap.has(node.id)) {
      throw new ReportInputError(
        `Diagram "${title}": nodes[id="${node.id}"] appears twice; node ids must be unique (merge the two nodes or rename one).`,
      );
    }
    byIdMap.set(node.id, node);
  }
  return byIdMap;
}

/** Children per parent id (`undefined` for the top level); refuses unknown parents and cycles. */
function groupChildren(
  title: string,
  nodes: readonly DiagramNode[],
  nodesById: ReadonlyMap<string, DiagramNode>,
): Map<string | undefined, DiagramNode[]> {
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of nodes) {
    if (node.parent !== undefined && !nodesById.has(node.parent)) {
      throw new ReportInputError(
        `Diagram "${title}": nodes[id="${node.id}"].parent is "${node.parent}", which is no node of the diagram; add that group node or drop the parent.`,
      );
    }
    const siblings = children.get(node.parent) ?? [];
    siblings.push(node);
    children.set(node.parent, siblings);
  }
  for (const node of nodes) {
    const seen = new Set<string>([node.id]);
    for (let up = node.parent; up !== undefined; up = nodesById.get(up)?.parent) {
      if (seen.has(up)) {
        throw new ReportInputError(
          `Diagram "${title}": nodes[id="${node.id}"].parent leads back to itself through "${up}"; a group cannot sit inside what it holds.`,
        );
      }
      seen.add(up);
    }
  }
  return children;
}

function checkEdges(
  title: string,
  edges: readonly DiagramEdge[],
  nodesById: ReadonlyMap<string, DiagramNode>,
): void {
  const seen = new Set<string>();
  for (const edge of edges) {
    if (seen.has(edge.id)) {
      throw new ReportInputError(
        `Diagram "${title}": edges[id="${edge.id}"] appears twice; edge ids must be unique (\`<from>-><to>\` plus the kind).`,
      );
    }
    seen.add(edge.id);
    for (const end of ['from', 'to'] as const) {
      if (!nodesById.has(edge[end])) {
        throw new ReportInputError(
          `Diagram "${title}": edges[id="${edge.id}"].${end} is "${edge[end]}", which is no node of the diagram; add the node or drop the edge.`,
        );
      }
    }
  }
}
