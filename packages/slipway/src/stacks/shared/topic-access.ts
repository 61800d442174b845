import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { serviceTopics, topicArn, topicVariable } from '../../model/service-topics.js';
import type { EnvironmentModel } from '../../model/types.js';
import { regionFacts } from './partition.js';

/** The `TOPIC_<NAME>` variables of a service: each topic's ARN, from its fixed name. */
export function topicVariables(
  env: EnvironmentModel,
  service: { readonly topics?: readonly string[] },
): Record<string, string> {
  const { partition } = regionFacts(env.region);
  return Object.fromEntries(
    serviceTopics(env, service).map((topic) => [topicVariable(topic.name), topicArn(env, topic, partition)]),
  );
}

/**
 * Publishing to the topics a service names, by ARN (no cross-stack read), and nothing else on them.
 * With the environment's own data key, which encrypts them, the key too, through SNS only.
 */
export function topicPublishStatements(
  env: EnvironmentModel,
  service: { readonly topics?: readonly string[] },
  dataKey: kms.IKey | undefined,
): iam.PolicyStatement[] {
  const topics = serviceTopics(env, service);
  if (topics.length === 0) return [];
  const { partition } = regionFacts(env.region);
  const statements = [
    new iam.PolicyStatement({
      sid: 'PublishToDeclaredTopics',
      actions: ['sns:Publish'],
      resources: topics.map((topic) => topicArn(env, topic, partition)),
    }),
  ];
  if (dataKey !== undefined) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'UseDataKeyThroughSns',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `sns.${env.region}.amazonaws.com` } },
      }),
    );
  }
  return statements;
}
