import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import type { CfnResource } from '../../template/types.js';

/** What the usage model assumes per queue when it does not say. */
export const QUEUE_REQUEST_MILLIONS_DEFAULT = 1;

/**
 * `AWS::SQS::Queue`: requests from the usage model (`usage.queueRequestMillionsPerMonth`) for the
 * queues functions use (a topic's inbox, failure queues, a declared queue's dead letters) and the
 * queues with a redrive policy (declared queues, read or not: services send to them). Other queues
 * get no line: Karpenter's interruption queue, long-polled by one controller, makes about 130,000
 * requests a month, inside the account's free million.
 */
export const priceSqsQueue: Pricer = (logicalId, resource, context) => {
  const resources = Object.values(context.stack.template.Resources ?? {});
  const redriven = resource.Properties?.['RedrivePolicy'] !== undefined;
  if (!redriven && !resources.some((other) => isFunctionDestination(other, logicalId))) return [];
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

/** Types that name a function's queues: its event source, its async failures, its inbox's dead letters. */
const FUNCTION_QUEUE_USERS = [
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::SQS::Queue',
];

/** Whether `resource` reads from, or sends a function's failures to, the queue `logicalId`. */
function isFunctionDestination(resource: CfnResource, logicalId: string): boolean {
  if (!FUNCTION_QUEUE_USERS.includes(resource.Type)) return false;
  return JSON.stringify(resource.Properties ?? {}).includes(`"Fn::GetAtt":["${logicalId}","Arn"]`);
}
