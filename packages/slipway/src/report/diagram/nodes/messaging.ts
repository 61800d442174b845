import type { DiagramNode } from '../types.js';
import { parentBySubnets } from '../placement.js';
import { list, num, record, shortName, text } from '../properties.js';
import { type EnvironmentTemplates, resourceNodeId, resourceRef, type StackResource } from '../references.js';
import type { NodeContext } from './context.js';

/**
 * Functions CDK adds for itself (log retention, custom resource providers, bucket notifications,
 * auto-delete): plumbing, not part of the system a reviewer reads.
 */
const CDK_INTERNAL_FUNCTION =
  /^(LogRetention[0-9a-f]{32}|AWS679f53fac002430cb0da5b7982bd2287|BucketNotificationsHandler|CustomS3AutoDeleteObjectsCustomResourceProvider|CustomCDK|.*CustomResourceProvider(Handler|framework)|.*ProviderframeworkonEvent)/;

/** Whether a Lambda function is one CDK adds for its own machinery rather than one the app declares. */
export function isCdkInternalFunction(logicalId: string): boolean {
  return CDK_INTERNAL_FUNCTION.test(logicalId);
}

/**
 * Each declared Lambda function, in the tier of its subnets when it runs in the VPC, its failure
 * queues (on-failure destinations, dead-letter queue) folded in as a detail.
 */
export function functionNodes({ templates, tiers, environment }: NodeContext): DiagramNode[] {
  return templates
    .all('AWS::Lambda::Function')
    .filter((fn) => !isCdkInternalFunction(fn.logicalId))
    .map((fn) => {
      const id = resourceNodeId(fn);
      const props = fn.resource.Properties ?? {};
      const own = [
        ...templates.ownedBy('AWS::Lambda::EventSourceMapping', 'FunctionName', fn),
        ...templates.ownedBy('AWS::Lambda::EventInvokeConfig', 'FunctionName', fn),
      ];
      const failureTargets = [
        ...templates.resolveAll(fn.stack, record(props.DeadLetterConfig).TargetArn),
        ...own.flatMap((r) =>
          templates.resolveAll(
            r.stack,
            record(record(record(r.resource.Properties?.DestinationConfig).OnFailure)).Destination,
          ),
        ),
      ].filter((t) => t.resource.Type === 'AWS::SQS::Queue');
      const failureQueues = unique(failureTargets);
      const vpc = record(props.VpcConfig);
      const parent = parentBySubnets(templates, tiers, fn.stack, vpc.SubnetIds);
      const memory = num(props.MemorySize) ?? 128;
      return {
        id,
        kind: 'function' as const,
        label: shortName(text(props.FunctionName) ?? fn.logicalId, environment),
        details: [
          [
            text(props.Runtime) ?? text(props.PackageType) ?? 'container',
            list(props.Architectures).includes('arm64') ? 'arm64' : 'x86',
            `${memory} MB`,
            `${num(props.Timeout) ?? 3} s`,
          ].join(' · '),
          ...(failureQueues.length > 0 ? ['failures → queue'] : []),
        ],
        ...(parent === undefined ? {} : { parent }),
        resources: [resourceRef(fn), ...unique([...own, ...failureQueues]).map(resourceRef)],
      };
    });
}

/**
 * SQS queues not already drawn as part of something else (a function's failure queue, a
 * cluster's interruption queue); a queue's dead-letter queue is folded into it.
 */
export function queueNodes(
  { templates, environment }: NodeContext,
  claimed: ReadonlySet<string>,
): DiagramNode[] {
  const queues = templates.all('AWS::SQS::Queue').filter((q) => !claimed.has(resourceNodeId(q)));
  const deadLetterOf = new Map<string, StackResource>();
  for (const queue of queues) {
    const redrive = record(queue.resource.Properties?.RedrivePolicy);
    const dlq = templates.resolve(queue.stack, redrive.deadLetterTargetArn);
    if (dlq !== undefined) deadLetterOf.set(resourceNodeId(queue), dlq);
  }
  const dlqIds = new Set([...deadLetterOf.values()].map(resourceNodeId));
  return queues
    .filter((q) => !dlqIds.has(resourceNodeId(q)))
    .map((queue) => {
      const props = queue.resource.Properties ?? {};
      const dlq = deadLetterOf.get(resourceNodeId(queue));
      const receives = num(record(props.RedrivePolicy).maxReceiveCount);
      return {
        id: resourceNodeId(queue),
        kind: 'queue' as const,
        label: shortName(text(props.QueueName) ?? queue.logicalId, environment),
        details: [
          ...(props.FifoQueue === true ? ['FIFO'] : []),
          ...(dlq === undefined ? [] : [`dead letters after ${receives ?? '?'} receives`]),
        ],
        resources: [resourceRef(queue), ...(dlq === undefined ? [] : [resourceRef(dlq)])],
      };
    });
}

/**
 * SNS topics, each subscription's protocol as a detail (queues and functions it feeds become
 * edges). The environment's alarm topic is left out: every environment has one, and the alarms
 * it carries are not drawn.
 */
export function topicNodes({ templates, environment }: NodeContext): DiagramNode[] {
  return templates
    .all('AWS::SNS::Topic')
    .filter((topic) => !isAlarmTopic(templates, topic))
    .map((topic) => {
      const id = resourceNodeId(topic);
      const props = topic.resource.Properties ?? {};
      const own = templates.ownedBy('AWS::SNS::Subscription', 'TopicArn', topic);
      const protocols = [...new Set(own.map((s) => text(s.resource.Properties?.Protocol) ?? '?'))].sort();
      return {
        id,
        kind: 'topic' as const,
        label: shortName(text(props.TopicName) ?? topic.logicalId, environment),
        details: [
          ...(props.FifoTopic === true ? ['FIFO'] : []),
          ...(protocols.length > 0 ? [`subscribers: ${protocols.join(', ')}`] : []),
        ],
        resources: [resourceRef(topic), ...own.map(resourceRef)],
      };
    });
}

/** The topic every alarm of the environment notifies, published as `.../alarm-topic-arn`. */
export function isAlarmTopic(templates: EnvironmentTemplates, topic: StackResource): boolean {
  return templates.publishedNames(topic).some((name) => name.endsWith('/alarm-topic-arn'));
}

function unique<T extends { stack: string; logicalId: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((i) => [resourceNodeId(i), i])).values()].sort((a, b) =>
    resourceNodeId(a).localeCompare(resourceNodeId(b)),
  );
}
