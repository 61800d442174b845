import type { StackChanges } from '../../deploy/resource-change.js';
import { environmentDiagram } from '../../report/diagram/from-templates.js';
import { diagramMermaid, tooLarge } from '../../report/diagram/mermaid.js';
import { nodeChanges, nodeIndex } from '../../report/node-index.js';
import type { PlanOnDisk } from '../../report/read-plan.js';
import { cell } from './markdown-text.js';

/**
 * Each environment's architecture as a Mermaid flowchart, what the change touches coloured in;
 * `changes` by environment, when there is a base to compare with.
 */
export function diagramSection(
  head: PlanOnDisk,
  changes?: ReadonlyMap<string, readonly StackChanges[]>,
): string[] {
  const lines: string[] = [];
  for (const env of head.plan.environments) {
    const diagram = environmentDiagram({
      name: env.name,
      region: env.region,
      stacks: head.stacksOf(env.name),
    });
    if (diagram.nodes.length === 0) continue;
    const stacks = changes?.get(env.name);
    const coloured = stacks === undefined ? undefined : nodeChanges(nodeIndex(diagram), stacks);
    lines.push(
      `<details><summary>${cell(env.name)}: architecture${coloured && coloured.size > 0 ? ` (${coloured.size} changed)` : ''}</summary>`,
      '',
      ...(tooLarge(diagram)
        ? [
            `${diagram.nodes.length} nodes and ${diagram.edges.length} connections, drawn one node per kind in each group; the HTML report draws them all.`,
            '',
          ]
        : []),
      '```mermaid',
      diagramMermaid(diagram, coloured).trimEnd(),
      '```',
      '',
      ...(coloured && coloured.size > 0
        ? ['Green: added · yellow: changed · red: replaced · grey, dashed: removed.', '']
        : []),
      '</details>',
      '',
    );
  }
  return lines;
}
