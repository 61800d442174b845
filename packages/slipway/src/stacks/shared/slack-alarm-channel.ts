import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { SlackChannelModel } from '../../model/observability.js';

/**
 * What the chat integration may read to draw an alarm's message (its state and the metric's
 * graph): the Notification permissions template of AWS's chat integration, read-only CloudWatch
 * and nothing else. CloudWatch's read calls (GetMetricWidgetImage, GetMetricData, ListMetrics)
 * take no resource ARN, so the resource is `*`.
 */
const NOTIFICATION_ACTIONS = ['cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*'];

export interface SlackAlarmChannelProps {
  /** `<app>-<env>-alarms`: unique per account, as chat configurations are global. */
  readonly configurationName: string;
  readonly slack: SlackChannelModel;
  /** The environment's alarm topic, whose messages the channel gets. */
  readonly topic: sns.ITopic;
}

/**
 * A Slack channel that hears of every alarm on the topic, through AWS's chat integration (Amazon Q
 * Developer in chat applications, formerly AWS Chatbot). It only posts: its role and the channel's
 * guardrail are the same read-only CloudWatch policy, so nobody in the channel can run a command
 * that changes anything (without a guardrail the integration applies AdministratorAccess). The
 * workspace must have been authorised once in the integration's console. Cost: the integration is
 * free; the topic's deliveries to it are billed per million, which alarms never come near.
 */
export function slackAlarmChannel(
  scope: Construct,
  id: string,
  props: SlackAlarmChannelProps,
): chatbot.SlackChannelConfiguration {
  const readAlarms = new iam.ManagedPolicy(scope, `${id}ReadOnly`, {
    description: `${props.configurationName}: read CloudWatch alarms and metrics to post them to Slack`,
    statements: [new iam.PolicyStatement({ actions: NOTIFICATION_ACTIONS, resources: ['*'] })],
  });
  for (const action of NOTIFICATION_ACTIONS) {
    acknowledge(
      readAlarms,
      `AwsSolutions-IAM5[Action::${action}]`,
      "AWS's notification template for the chat integration: read-only CloudWatch calls it makes to draw an alarm's state and graph; nothing outside CloudWatch, nothing that writes.",
    );
  }
  acknowledge(
    readAlarms,
    'AwsSolutions-IAM5[Resource::*]',
    "CloudWatch's read calls the chat integration makes (GetMetricWidgetImage, GetMetricData, ListMetrics) support no resource-level permissions.",
  );
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com'),
    description: `${props.configurationName}: posts the environment's alarms to Slack, read-only`,
    managedPolicies: [readAlarms],
  });
  return new chatbot.SlackChannelConfiguration(scope, id, {
    slackChannelConfigurationName: props.configurationName,
    slackWorkspaceId: props.slack.workspaceId,
    slackChannelId: props.slack.channelId,
    notificationTopics: [props.topic],
    role,
    guardrailPolicies: [readAlarms],
    userRoleRequired: false,
  });
}
