import type { NodeChange } from './types.js';

/** How much a change weighs when one node stands for several changed resources. */
const STRENGTH: Readonly<Record<NodeChange, number>> = { changed: 1, added: 2, replaced: 3, removed: 4 };

/** The change a node shows: the stronger of what it shows so far and the next one. */
export function strongerChange(current: NodeChange | undefined, next: NodeChange): NodeChange {
  return current === undefined || STRENGTH[next] > STRENGTH[current] ? next : current;
}
