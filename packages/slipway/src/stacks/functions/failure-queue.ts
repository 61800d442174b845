import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';

/**
 * Where a batch goes when Lambda gives up on it (retries spent or records too old): a message
 * naming the stream, shard and sequence numbers, so the records can be read again while the
 * stream keeps them; for a function a topic calls, the topic's messages themselves, as the dead
 * letters of its inbox. Kept 14 days (SQS's longest), encrypted by SQS, HTTPS only. Cost: requests
 * only ($0.40 per million after the first million), which a healthy function never makes.
 */
export function failureQueue(scope: Construct, id: string, deadLettersOfInbox: boolean): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  // cdk-nag sees a queue that is another's dead-letter queue as one; a failure destination it cannot tell.
  if (!deadLettersOfInbox) {
    acknowledge(
      queue,
      'AwsSolutions-SQS3',
      "The queue is itself the function's failure destination: it holds what Lambda could not deliver, " +
        'and nothing consumes it automatically, so a dead-letter queue behind it would only move the same messages again.',
    );
  }
  acknowledge(
    queue,
    'CT.SQS.PR.1',
    "The queue is itself the function's failure destination, read by people, not consumers: no receive " +
      'ever fails there, so a redrive policy would have nothing to move.',
  );
  return queue;
}
