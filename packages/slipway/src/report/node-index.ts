import type { Diagram, NodeChange } from './diagram/types.js';
import { ACTION_WORDS, type StackChanges } from '../deploy/stack-changes.js';

/** Finds the diagram node that stands for a template resource, by stack and logical id. */
export interface NodeIndex {
  nodeOf(stack: string, resource: string): string | undefined;
}

export function nodeIndex(diagram: Diagram): NodeIndex {
  const byResource = new Map<string, string>();
  for (const node of diagram.nodes) {
    for (const ref of node.resources) {
      const key = `${ref.stack}/${ref.logicalId}`;
      // A resource drawn twice (a group and its main thing) links to the first, the more specific.
      if (!byResource.has(key)) byResource.set(key, node.id);
    }
  }
  return {
    nodeOf(stack, resource) {
      // A finding names a logical id, or a construct path when it has none: try its last part.
      return (
        byResource.get(`${stack}/${resource}`) ?? byResource.get(`${stack}/${resource.split('/').at(-1)}`)
      );
    },
  };
}

const STRENGTH: Record<NodeChange, number> = { changed: 1, added: 2, replaced: 3, removed: 4 };

/** How each node changes: the strongest change among the resources it stands for. */
export function nodeChanges(index: NodeIndex, stacks: readonly StackChanges[]): Map<string, NodeChange> {
  const changes = new Map<string, NodeChange>();
  for (const stack of stacks) {
    for (const change of stack.changes) {
      const node = index.nodeOf(stack.name, change.logicalId);
      if (node === undefined) continue;
      const next = ACTION_WORDS[change.action];
      const current = changes.get(node);
      if (current === undefined || STRENGTH[next] > STRENGTH[current]) changes.set(node, next);
    }
  }
  return changes;
}
