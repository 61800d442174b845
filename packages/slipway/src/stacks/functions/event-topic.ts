import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { TopicModel } from '../../model/functions.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';

/**
 * A declared topic: named `<app>-<env>-<name>` so publishers build its ARN without a lookup,
 * HTTPS-only publishing, encrypted with the environment's data key when it has one. Each function
 * that subscribes does so through a queue of its own, so one slow or failing subscriber never holds
 * up another. Cost: publishes from the usage model (`topicPublishMillionsPerMonth`); deliveries to SQS are free.
 */
export function eventTopic(scope: Construct, model: TopicModel, dataKey: kms.IKey | undefined): sns.Topic {
  const topic = new sns.Topic(scope, `Topic${logicalIdPart(model.name)}`, {
    topicName: model.topicName,
    displayName: model.topicName,
    enforceSSL: true,
    masterKey: dataKey,
  });
  pinLogicalId(topic, `Topic${logicalIdPart(model.name)}`);
  return topic;
}
