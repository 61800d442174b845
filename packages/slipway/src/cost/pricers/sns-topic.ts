import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/** What the usage model assumes per topic when it does not say. */
export const TOPIC_PUBLISH_MILLIONS_DEFAULT = 1;

/**
 * `AWS::SNS::Topic`: publishes from the usage model (`usage.topicPublishMillionsPerMonth`) for the
 * topics something subscribes to in the same stack (the functions' topics); deliveries to SQS are
 * free. The environment's alarm topic gets no line: alarm notifications never come near the free
 * million.
 */
export const priceSnsTopic: Pricer = (logicalId, resource, context) => {
  const resources = Object.values(context.stack.template.Resources ?? {});
  const subscribed = resources.some(
    (other) =>
      other.Type === 'AWS::SNS::Subscription' &&
      JSON.stringify(other.Properties?.['TopicArn']) === JSON.stringify({ Ref: logicalId }),
  );
  if (!subscribed) return [];
  const millions = context.usage.topicPublishMillionsPerMonth ?? TOPIC_PUBLISH_MILLIONS_DEFAULT;
  const price = context.prices.prices['sns.publish-million'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'SNS',
      millions * price.usd,
      `${qty(millions)} M publishes × ${unitUsd(price)} ${cite('SNS', price)}`,
    ),
  ];
};
