import type { SynthesizedStack } from '../../template/types.js';
import type { Diagram } from './types.js';

/** The environment an architecture diagram is drawn for: its synthesized stacks, in plan order. */
export interface DiagramEnvironment {
  readonly name: string;
  readonly region: string;
  readonly stacks: readonly SynthesizedStack[];
}

/**
 * An environment's architecture drawn from its synthesized templates: the VPC and its subnet
 * tiers, what runs in them, and who may reach whom. Work in progress: the nodes and edges land in
 * the next commits; the signature is fixed.
 */
export function environmentDiagram(env: DiagramEnvironment): Diagram {
  return { title: `${env.name} · ${env.region}`, nodes: [], edges: [] };
}
