import { isCdkInternalFunction } from '../../src/report/diagram/nodes/messaging.js';
import type { Diagram } from '../../src/report/diagram/types.js';
import type { SynthesizedStack } from '../../src/template/types.js';

/** The resource types a reviewer must find on an environment's diagram, each exactly once. */
export const DRAWN_TYPES = [
  'AWS::ECS::Service',
  'AWS::RDS::DBInstance',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::VpcLink',
  'AWS::EKS::Cluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::CloudFront::Distribution',
  'AWS::Lambda::Function',
];

const GROUP_KINDS = new Set(['vpc', 'subnet-tier', 'cluster']);

/** The resources of the drawn types in an environment's templates (CDK's own functions aside). */
export function resourcesToDraw(
  stacks: readonly SynthesizedStack[],
): { stack: string; logicalId: string; type: string }[] {
  return stacks.flatMap((stack) =>
    Object.entries(stack.template.Resources ?? {})
      .filter(
        ([logicalId, r]) =>
          DRAWN_TYPES.includes(r.Type) &&
          !(r.Type === 'AWS::Lambda::Function' && isCdkInternalFunction(logicalId)),
      )
      .map(([logicalId, r]) => ({ stack: stack.name, logicalId, type: r.Type })),
  );
}

/**
 * What is wrong with a diagram of these templates, in words (empty when nothing): a resource of a
 * drawn type on no node or on several, a node in a group that does not exist or is no group, an
 * edge with an end that is not drawn, a repeated id.
 */
export function diagramProblems(diagram: Diagram, stacks: readonly SynthesizedStack[]): string[] {
  const problems: string[] = [];
  for (const resource of resourcesToDraw(stacks)) {
    const holders = diagram.nodes.filter((n) =>
      n.resources.some((r) => r.stack === resource.stack && r.logicalId === resource.logicalId),
    );
    if (holders.length !== 1) {
      problems.push(
        `${resource.stack}/${resource.logicalId} (${resource.type}) is on ${holders.length} nodes`,
      );
    }
  }
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  if (byId.size !== diagram.nodes.length) problems.push('node ids repeat');
  for (const node of diagram.nodes) {
    if (node.parent === undefined) continue;
    const parent = byId.get(node.parent);
    if (parent === undefined || !GROUP_KINDS.has(parent.kind)) {
      problems.push(
        `${node.id} sits in ${node.parent}, which is ${parent === undefined ? 'not drawn' : `a ${parent.kind}`}`,
      );
    }
  }
  if (new Set(diagram.edges.map((e) => e.id)).size !== diagram.edges.length) problems.push('edge ids repeat');
  for (const edge of diagram.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to)) problems.push(`${edge.id} has an end that is not drawn`);
  }
  return problems;
}
