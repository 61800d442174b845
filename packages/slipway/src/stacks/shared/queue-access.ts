import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { queueArn, queueUrl, queueVariable, serviceQueues } from '../../model/service-queues.js';
import type { EnvironmentModel } from '../../model/types.js';
import { regionFacts } from './partition.js';

/** The `QUEUE_<NAME>` variables of a service: each queue's URL, from its fixed name. */
export function queueVariables(
  env: EnvironmentModel,
  service: { readonly queues?: readonly string[] },
): Record<string, string> {
  const { urlSuffix } = regionFacts(env.region);
  return Object.fromEntries(
    serviceQueues(env, service).map((queue) => [queueVariable(queue.name), queueUrl(env, queue, urlSuffix)]),
  );
}

/**
 * Sending to the queues a service names, by ARN (no cross-stack read), and nothing else on them:
 * reading is the one function's that the queue calls. With the environment's own data key, which
 * encrypts them, the key too, through SQS only.
 */
export function queueSendStatements(
  env: EnvironmentModel,
  service: { readonly queues?: readonly string[] },
  dataKey: kms.IKey | undefined,
): iam.PolicyStatement[] {
  const queues = serviceQueues(env, service);
  if (queues.length === 0) return [];
  const { partition } = regionFacts(env.region);
  const statements = [
    new iam.PolicyStatement({
      sid: 'SendToDeclaredQueues',
      actions: ['sqs:SendMessage'],
      resources: queues.map((queue) => queueArn(env, queue, partition)),
    }),
  ];
  if (dataKey !== undefined) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'UseDataKeyThroughSqs',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `sqs.${env.region}.amazonaws.com` } },
      }),
    );
  }
  return statements;
}
