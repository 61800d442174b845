import type { DiagramEdgeKind, DiagramNode } from '../types.js';
import { type EnvironmentTemplates, resourceNodeId, type ResourceTarget } from '../references.js';

/** The id of the node that stands for the internet, added when some edge leaves from it. */
export const INTERNET = 'internet';

/** An edge before merging: two rules between the same nodes become one edge with both labels. */
export interface RawEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramEdgeKind;
  readonly label?: string;
}

/** The drawn nodes, found by any resource they stand for. */
export class NodeIndex {
  private readonly byResource = new Map<string, DiagramNode>();

  constructor(
    readonly templates: EnvironmentTemplates,
    readonly nodes: readonly DiagramNode[],
  ) {
    for (const node of nodes) {
      for (const ref of node.resources) this.byResource.set(resourceNodeId(ref), node);
    }
  }

  /** The node a resolved value lands on, if it is drawn. */
  nodeOf(
    target: { readonly stack: string; readonly logicalId: string } | undefined,
  ): DiagramNode | undefined {
    return target === undefined ? undefined : this.byResource.get(resourceNodeId(target));
  }

  /** The nodes every resource a value names lands on, without repeats. */
  nodesOf(stack: string, value: unknown): DiagramNode[] {
    const found = this.templates.resolveAll(stack, value).map((t: ResourceTarget) => this.nodeOf(t));
    return [...new Set(found.filter((n): n is DiagramNode => n !== undefined))];
  }

  /** Nodes whose main resource has this type. */
  ofType(type: string): DiagramNode[] {
    return this.nodes.filter((n) => n.resources[0]?.type === type);
  }
}
