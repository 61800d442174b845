import { primaryOf } from '../nodes/databases.js';
import { text } from '../properties.js';
import type { NodeIndex, RawEdge } from './context.js';

/**
 * Where messages and changes flow: a topic to its queue and function subscribers, a queue or a
 * table's stream to the function that consumes it, a database to its read replicas.
 */
export function eventEdges(index: NodeIndex): RawEdge[] {
  const { templates } = index;
  const edges: RawEdge[] = [];
  for (const subscription of templates.all('AWS::SNS::Subscription')) {
    const props = subscription.resource.Properties ?? {};
    for (const topic of index.nodesOf(subscription.stack, props.TopicArn)) {
      for (const endpoint of index.nodesOf(subscription.stack, props.Endpoint)) {
        edges.push({
          from: topic.id,
          to: endpoint.id,
          kind: 'event',
          label: text(props.Protocol) ?? 'subscription',
        });
      }
    }
  }
  for (const mapping of templates.all('AWS::Lambda::EventSourceMapping')) {
    const props = mapping.resource.Properties ?? {};
    const sources = templates.resolveAll(mapping.stack, props.EventSourceArn);
    for (const fn of index.nodesOf(mapping.stack, props.FunctionName)) {
      for (const source of sources) {
        const node = index.nodeOf(source);
        if (node === undefined || node.id === fn.id) continue;
        const label =
          source.attribute === 'StreamArn' || source.resource.Type === 'AWS::Kinesis::Stream'
            ? 'stream'
            : 'messages';
        edges.push({ from: node.id, to: fn.id, kind: 'event', label });
      }
    }
  }
  for (const db of templates.all('AWS::RDS::DBInstance')) {
    const primary = index.nodeOf(primaryOf(templates, db));
    const replica = index.nodeOf(db);
    if (primary !== undefined && replica !== undefined) {
      edges.push({ from: primary.id, to: replica.id, kind: 'event', label: 'replication' });
    }
  }
  return edges;
}
