import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import { karpenterQueueName } from './karpenter-names.js';

/**
 * The events Karpenter acts on before AWS takes a node away, as its v1.14.1 CloudFormation template
 * routes them (aws/karpenter-provider-aws, getting-started cloudformation.yaml): it drains the node
 * and starts a replacement ahead of the Spot reclaim, the rebalance, the maintenance or the stop.
 */
const INTERRUPTION_EVENTS: readonly {
  readonly id: string;
  readonly source: string;
  readonly detailType: string;
}[] = [
  { id: 'ScheduledChangeRule', source: 'aws.health', detailType: 'AWS Health Event' },
  { id: 'SpotInterruptionRule', source: 'aws.ec2', detailType: 'EC2 Spot Instance Interruption Warning' },
  { id: 'RebalanceRule', source: 'aws.ec2', detailType: 'EC2 Instance Rebalance Recommendation' },
  { id: 'InstanceStateChangeRule', source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification' },
  {
    id: 'CapacityReservationInterruptionRule',
    source: 'aws.ec2',
    detailType: 'EC2 Capacity Reservation Instance Interruption Warning',
  },
];

/**
 * The interruption queue, under a fixed name so the chart's `settings.interruptionQueue` needs no
 * token, and the EventBridge rules that feed it. A notice is worth something for two minutes at
 * most, so the queue keeps messages 300 seconds and has no dead-letter queue. SQS-managed
 * encryption: EventBridge could not send to a queue under a customer key without a key policy
 * for it, and the messages are AWS's own notices about the account's instances.
 * Cost: SQS requests (the controller long-polls) and EventBridge rules on AWS events are free
 * tier-sized; a few cents a month at most.
 */
export function karpenterInterruptionQueue(
  scope: Construct,
  app: string,
  env: string,
  account: string,
): sqs.Queue {
  const queue = new sqs.Queue(scope, 'InterruptionQueue', {
    queueName: karpenterQueueName(app, env),
    retentionPeriod: Duration.seconds(300),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  // Upstream's statement, narrowed to senders of this account, so no other account's rule can
  // make Karpenter drain nodes with a forged notice.
  queue.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'InterruptionNotices',
      principals: [
        new iam.ServicePrincipal('events.amazonaws.com'),
        new iam.ServicePrincipal('sqs.amazonaws.com'),
      ],
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }),
  );
  const noDeadLetters =
    "Karpenter's interruption notices are worth something for two minutes at most; one it fails to " +
    'read is useless later, so the queue keeps messages 300 seconds and has no dead-letter queue.';
  acknowledge(queue, 'AwsSolutions-SQS3', noDeadLetters);
  acknowledge(queue, 'CT.SQS.PR.1', noDeadLetters);
  // The queue policy above admits the rules; the target itself adds no second policy.
  const target: events.IRuleTarget = {
    bind: () => ({ arn: queue.queueArn, id: 'KarpenterInterruptionQueueTarget' }),
  };
  for (const event of INTERRUPTION_EVENTS) {
    new events.Rule(scope, event.id, {
      eventPattern: { source: [event.source], detailType: [event.detailType] },
      targets: [target],
    });
  }
  return queue;
}
