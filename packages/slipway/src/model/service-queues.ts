import type { QueueModel } from './functions.js';
import type { EnvironmentModel } from './types.js';

/** `QUEUE_<NAME>`: the variable a service reads a queue's URL from (`image-jobs` → `QUEUE_IMAGE_JOBS`). */
export function queueVariable(queue: string): string {
  return `QUEUE_${queue.toUpperCase().replace(/-/g, '_')}`;
}

/** The declared queues a service sends to, in its order; validation refuses unknown names. */
export function serviceQueues(
  env: EnvironmentModel,
  service: { readonly queues?: readonly string[] },
): QueueModel[] {
  return (service.queues ?? []).flatMap((name) => {
    const queue = (env.queues ?? []).find((q) => q.name === name);
    return queue ? [queue] : [];
  });
}

/** A queue's ARN, built from its fixed name: known before anything is deployed. */
export function queueArn(env: EnvironmentModel, queue: QueueModel, partition: string): string {
  return `arn:${partition}:sqs:${env.region}:${env.account}:${queue.queueName}`;
}

/** A queue's URL, the address SQS's API takes: also built from its fixed name. */
export function queueUrl(env: EnvironmentModel, queue: QueueModel, urlSuffix: string): string {
  return `https://sqs.${env.region}.${urlSuffix}/${env.account}/${queue.queueName}`;
}
