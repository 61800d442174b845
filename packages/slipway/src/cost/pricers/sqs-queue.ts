import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import type { CfnResource } from '../../template/types.js';

/** What the usage model assumes per queue when it does not say. */
export const QUEUE_REQUEST_MILLIONS_DEFAULT = 1;

/**
 * `AWS::SQS::Queue`: requests from the usage model (`usage.queueRequestMillionsPerMonth`) for the
 * queues functions use. Other queues get no line: Karpenter's interruption queue, long-polled by
 * one controller, makes about 130,000 requests a month, inside the account's free million.
 */
export const priceSqsQueue: Pricer = (logicalId, resource, context) => {
  const resources = Object.values(context.stack.template.Resources ?? {});
  if (!resources.some((other) => isFunctionDestination(other, logicalId))) return [];
  const millions = context.usage.queueRequestMillionsPerMonth ?? QUEUE_REQUEST_MILLIONS_DEFAULT;
  const price = context.prices.prices['sqs.standard.request-million'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'SQS',
      millions * price.usd,
      `${qty(millions)} M requests × ${unitUsd(price)} ${cite('SQS', price)}`,
    ),
  ];
};

/** Whether `resource` sends a function's failures (or its records) to the queue `logicalId`. */
function isFunctionDestination(resource: CfnResource, logicalId: string): boolean {
  if (
    resource.Type !== 'AWS::Lambda::EventSourceMapping' &&
    resource.Type !== 'AWS::Lambda::EventInvokeConfig'
  ) {
    return false;
  }
  return JSON.stringify(resource.Properties ?? {}).includes(`"Fn::GetAtt":["${logicalId}","Arn"]`);
}
