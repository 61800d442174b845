import { strongerChange } from './diagram/node-change.js';
import type { Diagram, NodeChange } from './diagram/types.js';
import { ACTION_WORDS, type StackChanges } from '../deploy/resource-change.js';

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

/** How each node changes: the strongest change among the resources it stands for. */
export function nodeChanges(index: NodeIndex, stacks: readonly StackChanges[]): Map<string, NodeChange> {
  const changes = new Map<string, NodeChange>();
  for (const stack of stacks) {
    for (const change of stack.changes) {
      const node = index.nodeOf(stack.name, change.logicalId);
      if (node === undefined) continue;
      changes.set(node, strongerChange(changes.get(node), ACTION_WORDS[change.action]));
    }
  }
  return changes;
}
