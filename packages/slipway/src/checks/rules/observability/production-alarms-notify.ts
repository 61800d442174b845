import type { CfnTemplate } from '../../../template/types.js';
import { mentionsResource, referencedLogicalId, resourcesOfType } from '../support/references.js';
import { asList, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { isAlarmTopic } from './alarm-topic.js';

/** AWS's chat integration: a channel configuration lists the topics whose messages it posts. */
const CHAT_CHANNEL_TYPES = [
  'AWS::Chatbot::SlackChannelConfiguration',
  'AWS::Chatbot::MicrosoftTeamsChannelConfiguration',
];

/**
 * A production alarm that notifies a topic nobody subscribes to wakes no one: the outage is found
 * by customers. The environment's alarm topic must have a subscription (email, HTTPS, ...) or a
 * chat channel posting its messages, from `observability.alerts`.
 */
export const observabilityProductionAlarmsNotify: SlipwayRule = {
  id: 'Slipway-OBS1',
  level: 'error',
  description:
    "A production environment's alarm topic must reach someone: set observability.alerts (email, slack or pagerduty) for the environment, or acknowledge why its alarms notify no one.",
  check(resource, { template, logicalId, production }) {
    if (!production || resource.Type !== 'AWS::SNS::Topic') return 'not-applicable';
    if (!isAlarmTopic(template, logicalId)) return 'not-applicable';
    return subscribed(template, logicalId) || postedToChat(template, logicalId)
      ? 'compliant'
      : violation(`topic ${logicalId} has no subscription and no chat channel: alarms notify no one`);
  },
};

/** A subscription resource on the topic, or one the topic lists inline (its `Subscription`). */
function subscribed(template: CfnTemplate, topic: string): boolean {
  const inline = template.Resources?.[topic];
  if (inline !== undefined && asList(property(inline, 'Subscription')).length > 0) return true;
  return resourcesOfType(template, 'AWS::SNS::Subscription').some(
    ({ resource }) => referencedLogicalId(property(resource, 'TopicArn')) === topic,
  );
}

function postedToChat(template: CfnTemplate, topic: string): boolean {
  return CHAT_CHANNEL_TYPES.flatMap((type) => resourcesOfType(template, type)).some(({ resource }) =>
    mentionsResource(property(resource, 'SnsTopicArns'), topic),
  );
}
