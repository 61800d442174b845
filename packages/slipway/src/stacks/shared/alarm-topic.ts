import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/**
 * The environment's one alarm topic: every alarm Slipway creates notifies it, so whoever needs to
 * know subscribes once. HTTPS-only publishing (a topic policy denies plain HTTP). It has no
 * subscriptions of its own; those are the team's choice. Encrypted only with the environment's own
 * logs key: CloudWatch alarms cannot publish to a topic under the AWS-managed aws/sns key, whose
 * policy no one can extend, and a notification holds only an alarm's name and state. Cost: a topic
 * is free; publishes and deliveries are billed per million, which alarm notifications never come near.
 */
export function alarmTopic(
  scope: Construct,
  id: string,
  topicName: string,
  /** The environment's logs key, whose policy lets CloudWatch alarms publish; none with AWS's keys. */
  masterKey: kms.IKey | undefined,
): sns.Topic {
  return new sns.Topic(scope, id, {
    topicName,
    displayName: topicName,
    enforceSSL: true,
    masterKey,
  });
}
