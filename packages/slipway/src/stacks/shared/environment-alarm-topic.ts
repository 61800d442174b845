import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { observabilityOf } from '../../model/observability.js';
import type { EnvironmentModel } from '../../model/types.js';
import { alarmTopic } from './alarm-topic.js';
import { routeAlarms } from './alarm-routes.js';
import { type EnvironmentRef, publishValue, runtimeKeys } from './cross-stack.js';
import { importLogsKey } from './environment-keys.js';

/** `<app>-<env>-alarms`: the topic's name, and the Slack configuration's. */
export function alarmTopicName(app: string, env: string): string {
  return `${app}-${env}-alarms`;
}

/**
 * The environment's alarm topic with the configured routes subscribed, published as
 * `/<app>/<env>/runtime/alarm-topic-arn` for every stack that makes alarms. The runtime layer makes
 * it: the ECS runtime stack, or on EKS the cluster stack. Its ids (`AlarmTopic`, the published
 * parameter) are the ones the runtime stack has always had.
 */
export function environmentAlarmTopic(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
): sns.Topic {
  const name = alarmTopicName(where.app, where.env);
  const topic = alarmTopic(scope, 'AlarmTopic', name, importLogsKey(scope, where, env));
  routeAlarms(scope, topic, observabilityOf(env).alerts, name);
  publishValue(scope, where, 'runtime', runtimeKeys.alarmTopicArn, topic.topicArn);
  return topic;
}
