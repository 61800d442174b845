import { fileURLToPath } from 'node:url';
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { FUNCTIONS_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import type { AppModel } from '../../src/model/types.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

const ENTRY = fileURLToPath(new URL('../fixtures/functions/notify.ts', import.meta.url));

/** The dev floor app with a `jobs` queue the api sends to and `work` reads. */
function withQueue(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      queues: [
        {
          name: 'jobs',
          queueName: `floor-${env.name}-jobs`,
          visibilityTimeoutSeconds: 180,
          retentionDays: 4,
          maxReceiveCount: 5,
        },
      ],
      functions: [
        {
          name: 'work',
          functionName: `floor-${env.name}-work`,
          entry: ENTRY,
          handler: 'handler',
          memoryMb: 256,
          timeoutSeconds: 30,
          architecture: 'arm64' as const,
          environment: {},
          tables: {},
          events: { queue: 'jobs', batchSize: 10, filters: [] },
        },
      ],
      services: env.services.map((service) => ({ ...service, queues: ['jobs'] })),
      stackNames: { ...env.stackNames, functions: `floor-${env.name}-functions` },
    })),
  };
}

describe('a queue on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys the queue with its dead letters and its reader, takes a message, and diffs to nothing', async () => {
    const model = withQueue();
    const env = model.environments[0]!;
    const result = await deployEnvironment(model, env.name, emulator.target());
    expect(result.emulatorLimits).toContain(FUNCTIONS_EMULATOR_LIMIT);

    const cloudformation = new CloudFormationClient(emulator.config(env.region));
    const { StackResources: resources } = await cloudformation.send(
      new DescribeStackResourcesCommand({ StackName: 'floor-dev-functions' }),
    );
    expect(resources?.every((r) => r.ResourceStatus === 'CREATE_COMPLETE')).toBe(true);
    expect(resources?.find((r) => r.LogicalResourceId === 'QueueJobs')?.PhysicalResourceId).toMatch(
      /\/123456789012\/floor-dev-jobs$/,
    );

    // The queue under its fixed name, redriving to its own dead letters after five receives.
    const sqs = new SQSClient(emulator.config(env.region));
    const { QueueUrl: url } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'floor-dev-jobs' }));
    const { Attributes: attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );
    expect(attributes).toMatchObject({ VisibilityTimeout: '180', MessageRetentionPeriod: '345600' });
    expect(JSON.parse(attributes?.RedrivePolicy ?? '{}')).toMatchObject({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:floor-dev-jobs-dead-letters',
      maxReceiveCount: 5,
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"kind":"resize"}' }));
    const { Messages: messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(messages?.map((m) => m.Body)).toEqual(['{"kind":"resize"}']);

    const lambda = new LambdaClient(emulator.config(env.region));
    const { EventSourceMappings: mappings } = await lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'floor-dev-work' }),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings![0]).toMatchObject({
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:floor-dev-jobs',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });

    const unchanged = await diffEnvironment(model, env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});
