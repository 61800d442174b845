import { CreateQueueCommand, GetQueueUrlCommand, QueueDoesNotExist, SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_ACCOUNT } from '../local-cloud/emulator-limits.js';
import type { QueueModel } from '../model/functions.js';
import { DevError } from './dev-error.js';
import { type LocalAws, localClientConfig } from './local-aws.js';

/** A declared queue on the emulator: where services send and its reader receives. */
export interface LocalQueue {
  readonly name: string;
  readonly queueName: string;
  /** The emulator's URL for it, which the services get as `QUEUE_<NAME>`. */
  readonly url: string;
  /** `arn:aws:sqs:<region>:<emulator account>:<queueName>`, as a record's `eventSourceARN`. */
  readonly arn: string;
  /** Made by this run; false when it was already there (deployed by `slipway up`, or an earlier run). */
  readonly created: boolean;
  readonly model: QueueModel;
}

/**
 * The environment's queues on the emulator, by their fixed names. Deployed by `slipway up`, each is
 * used as the functions stack made it; otherwise (`slipway dev`) a missing one is made here the same
 * way: the same name, visibility and retention, and its dead-letter queue after `maxReceiveCount`.
 */
export async function prepareLocalQueues(
  queues: readonly QueueModel[],
  aws: LocalAws,
  options: { readonly deployed: boolean },
): Promise<LocalQueue[]> {
  const client = new SQSClient(localClientConfig(aws));
  try {
    const ready: LocalQueue[] = [];
    for (const model of queues) {
      let url = await findQueue(client, model.queueName);
      const created = url === undefined;
      if (url === undefined) {
        if (options.deployed) {
          throw new DevError(
            `queues.${model.name}: the queue ${model.queueName} is not on the local emulator although the environment was deployed there`,
            'deploy again (`slipway up` or `slipway deploy --target local`) and check the functions stack deployed',
          );
        }
        url = await create(client, model, aws.region);
      }
      ready.push({
        name: model.name,
        queueName: model.queueName,
        url,
        arn: queueArn(aws.region, model.queueName),
        created,
        model,
      });
    }
    return ready;
  } finally {
    client.destroy();
  }
}

async function findQueue(client: SQSClient, queueName: string): Promise<string | undefined> {
  try {
    return (await client.send(new GetQueueUrlCommand({ QueueName: queueName }))).QueueUrl;
  } catch (error) {
    // Older emulators answer with the query protocol's code rather than the modelled error.
    if (error instanceof QueueDoesNotExist || (error as Error).name.includes('NonExistentQueue'))
      return undefined;
    throw error;
  }
}

/** The queue and its dead letters, as `stacks/functions/event-queue.ts` makes them. */
async function create(client: SQSClient, model: QueueModel, region: string): Promise<string> {
  const deadLetters = `${model.queueName}-dead-letters`;
  await client.send(
    new CreateQueueCommand({
      QueueName: deadLetters,
      Attributes: { MessageRetentionPeriod: String(14 * 86_400) },
    }),
  );
  const answer = await client.send(
    new CreateQueueCommand({
      QueueName: model.queueName,
      Attributes: {
        VisibilityTimeout: String(model.visibilityTimeoutSeconds),
        MessageRetentionPeriod: String(model.retentionDays * 86_400),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: queueArn(region, deadLetters),
          maxReceiveCount: model.maxReceiveCount,
        }),
      },
    }),
  );
  if (answer.QueueUrl === undefined) throw new Error(`the emulator made ${model.queueName} but gave no URL`);
  return answer.QueueUrl;
}

function queueArn(region: string, queueName: string): string {
  return `arn:aws:sqs:${region}:${LOCAL_ACCOUNT}:${queueName}`;
}
