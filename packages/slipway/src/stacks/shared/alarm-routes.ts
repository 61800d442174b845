import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { AlertRoutesModel } from '../../model/observability.js';
import { slackAlarmChannel } from './slack-alarm-channel.js';

/**
 * A CloudFormation dynamic reference to the whole value of a Secrets Manager secret: CloudFormation
 * reads it while it creates the resource, so the value never sits in the template (it does show to
 * whoever may list the topic's subscriptions, as SNS keeps an endpoint in the clear).
 */
export function secretDynamicReference(secretName: string): string {
  return `{{resolve:secretsmanager:${secretName}:SecretString}}`;
}

/**
 * Subscribes the configured routes to the environment's alarm topic: one email subscription per
 * address (its construct id is the address, so reordering the list replaces nothing and no one has
 * to confirm again), a Slack channel, and PagerDuty's HTTPS integration URL read from its secret.
 * Construct ids sit beside the topic's, so each route keeps its logical id whatever else changes.
 */
export function routeAlarms(
  scope: Construct,
  topic: sns.Topic,
  alerts: AlertRoutesModel,
  configurationName: string,
): void {
  for (const email of alerts.emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
  if (alerts.slack !== undefined) {
    slackAlarmChannel(scope, 'AlarmSlackChannel', { configurationName, slack: alerts.slack, topic });
  }
  if (alerts.pagerduty !== undefined) {
    // PagerDuty's CloudWatch integration confirms the subscription itself and reads the alarm
    // JSON SNS sends; the URL holds the integration key, hence the secret.
    new sns.Subscription(scope, 'AlarmPagerDuty', {
      topic,
      protocol: sns.SubscriptionProtocol.HTTPS,
      endpoint: secretDynamicReference(alerts.pagerduty.integrationUrlSecret),
    });
  }
}
