import type { TopicModel } from './functions.js';
import type { EnvironmentModel } from './types.js';

/** `TOPIC_<NAME>`: the variable a service reads a topic's ARN from (`order-events` → `TOPIC_ORDER_EVENTS`). */
export function topicVariable(topic: string): string {
  return `TOPIC_${topic.toUpperCase().replace(/-/g, '_')}`;
}

/** The declared topics a service publishes to, in its order; validation refuses unknown names. */
export function serviceTopics(
  env: EnvironmentModel,
  service: { readonly topics?: readonly string[] },
): TopicModel[] {
  return (service.topics ?? []).flatMap((name) => {
    const topic = (env.topics ?? []).find((t) => t.name === name);
    return topic ? [topic] : [];
  });
}

/** A topic's ARN, built from its fixed name: known before anything is deployed. */
export function topicArn(env: EnvironmentModel, topic: TopicModel, partition: string): string {
  return `arn:${partition}:sns:${env.region}:${env.account}:${topic.topicName}`;
}
