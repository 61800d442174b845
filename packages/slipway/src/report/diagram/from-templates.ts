import type { SynthesizedStack } from '../../template/types.js';
import type { NodeContext } from './nodes/context.js';
import { cacheNodes, databaseNodes, tableNodes, userPoolNodes } from './nodes/databases.js';
import { distributionNodes, firewallNodes } from './nodes/edge.js';
import { eksNodes } from './nodes/eks.js';
import { httpApiNodes, vpcLinkNodes } from './nodes/http-apis.js';
import { loadBalancerNodes } from './nodes/load-balancers.js';
import { functionNodes, queueNodes, topicNodes } from './nodes/messaging.js';
import { networkNodes } from './nodes/network.js';
import { ecsNodes } from './nodes/services.js';
import { INTERNET, type PeerReach, reachEdges } from './reach.js';
import { EnvironmentTemplates, resourceNodeId } from './references.js';
import type { Diagram, DiagramNode } from './types.js';

/** The environment an architecture diagram is drawn for: its synthesized stacks, in plan order. */
export interface DiagramEnvironment {
  readonly name: string;
  readonly region: string;
  readonly stacks: readonly SynthesizedStack[];
}

/**
 * An environment's architecture drawn from its synthesized templates: the VPC and its subnet
 * tiers, what runs in them, what sits outside (tables, queues, the edge), and who may reach whom.
 * Plumbing (IAM, log groups, SSM parameters, alarms, route tables) is folded away or left out.
 * Nodes and edges are sorted by id, so the same templates always give the same diagram.
 */
export function environmentDiagram(env: DiagramEnvironment): Diagram {
  const templates = new EnvironmentTemplates(env.stacks);
  const network = networkNodes(templates);
  const context: NodeContext = { templates, environment: env.name, tiers: network.tiers };
  const nodes: DiagramNode[] = [
    ...network.nodes,
    ...loadBalancerNodes(context),
    ...httpApiNodes(context),
    ...vpcLinkNodes(context),
    ...ecsNodes(context),
    ...eksNodes(context),
    ...databaseNodes(context),
    ...cacheNodes(context),
    ...tableNodes(context),
    ...userPoolNodes(context),
    ...functionNodes(context),
    ...topicNodes(context),
    ...distributionNodes(context),
    ...firewallNodes(context),
  ];
  // Queues come last: a queue another node already holds (a function's failure queue, a
  // cluster's interruption queue) is part of that node, not a node of its own.
  const claimed = new Set(nodes.flatMap((n) => n.resources.map(resourceNodeId)));
  nodes.push(...queueNodes(context, claimed));

  const { edges, peers } = reachEdges(templates, nodes);
  notePeers(nodes, peers);
  if (edges.some((e) => e.from === INTERNET || e.to === INTERNET)) {
    nodes.push({ id: INTERNET, kind: 'internet', label: 'internet', details: [], resources: [] });
  }
  return {
    title: `${env.name} · ${env.region}`,
    nodes: nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    edges,
  };
}

/**
 * Says on the group that holds them (the ECS cluster) that its members may reach each other, or
 * on each member when they share no group: one line instead of an arrow between every pair.
 */
function notePeers(nodes: DiagramNode[], peers: readonly PeerReach[]): void {
  for (const peer of peers) {
    const members = nodes.filter((n) => peer.members.includes(n.id));
    const parents = new Set(members.map((n) => n.parent));
    const [parent] = parents;
    const line = `${members.length} ${kindWord(members)} reach each other (${peer.labels.join(', ')})`;
    const holders = parents.size === 1 && parent !== undefined ? [parent] : peer.members;
    for (const id of holders) {
      const at = nodes.findIndex((n) => n.id === id);
      const node = nodes[at];
      if (node !== undefined) nodes[at] = { ...node, details: [...node.details, line] };
    }
  }
}

function kindWord(members: readonly DiagramNode[]): string {
  const kinds = new Set(members.map((m) => m.kind));
  return kinds.size === 1 && kinds.has('service') ? 'services' : 'members';
}
