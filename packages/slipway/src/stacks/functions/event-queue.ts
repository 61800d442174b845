import { Duration } from 'aws-cdk-lib';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { QueueModel } from '../../model/functions.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';
import { deadLettersAlarmName } from '../shared/resource-names.js';
import { queueHoldsMessageAlarm } from './queue-holds-message-alarm.js';

/** What the dead letters keep: SQS's longest, so a person has two weeks to look and redrive. */
const DEAD_LETTER_RETENTION = Duration.days(14);

export interface EventQueueProps {
  readonly model: QueueModel;
  /** The environment's data key, which encrypts both queues; none to let SQS encrypt them. */
  readonly dataKey: kms.IKey | undefined;
  /** The environment's alarm topic (runtime stack), which the dead letters' alarm notifies. */
  readonly alarmTopicArn: string;
}

/**
 * A declared queue: standard, named `<app>-<env>-<name>` so senders build its URL and ARN without a
 * lookup, HTTPS only, encrypted by SQS or with the environment's data key when it has one. A
 * message its reader fails on `maxReceiveCount` times moves to a dead-letter queue of its own
 * (kept 14 days, encrypted the same way), and an alarm tells the environment's alarm topic about
 * the first one. Cost: requests from the usage model (`queueRequestMillionsPerMonth`) for each of
 * the two queues, and one alarm ($0.10 a month).
 */
export class EventQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: EventQueueProps) {
    super(scope, id);
    const { model, dataKey } = props;
    const encryption = dataKey
      ? { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: dataKey }
      : { encryption: sqs.QueueEncryption.SQS_MANAGED };
    const part = `Queue${logicalIdPart(model.name)}`;

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      queueName: `${model.queueName}-dead-letters`,
      retentionPeriod: DEAD_LETTER_RETENTION,
      enforceSSL: true,
      ...encryption,
    });
    pinLogicalId(this.deadLetters, `${part}DeadLetters`);
    acknowledge(
      this.deadLetters,
      'CT.SQS.PR.1',
      'The queue is the dead-letter queue of the declared queue beside it, read by people, not consumers: no receive ' +
        'ever fails there, so a redrive policy of its own would have nothing to move.',
    );

    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: model.queueName,
      visibilityTimeout: Duration.seconds(model.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(model.retentionDays),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: model.maxReceiveCount },
      enforceSSL: true,
      ...encryption,
    });
    pinLogicalId(this.queue, part);

    if (dataKey !== undefined) {
      // The rule accepts a key ARN written out or a key of the same template; it cannot follow the
      // SSM parameter that carries the data key from the data stack.
      for (const queue of [this.queue, this.deadLetters]) {
        acknowledge(
          queue,
          'CT.SQS.PR.2',
          "Encrypted with the environment's data key, a customer-managed key created in its data stack and " +
            'read here from an SSM parameter at deploy time; the control only recognizes a key ARN written ' +
            'into the template or a key created in the same stack.',
        );
      }
    }

    queueHoldsMessageAlarm(this, 'DeadLettersAlarm', {
      queue: this.deadLetters,
      alarmName: deadLettersAlarmName(model.queueName),
      description: `A message failed ${model.maxReceiveCount} receives: the queue's dead-letter queue holds it`,
    }).addAlarmAction(new actions.SnsAction(sns.Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn)));
  }
}
