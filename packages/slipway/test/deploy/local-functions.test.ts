import { fileURLToPath } from 'node:url';
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { FUNCTIONS_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import type { FunctionModel } from '../../src/model/functions.js';
import type { AppModel } from '../../src/model/types.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

const ENTRY = fileURLToPath(new URL('../fixtures/functions/notify.ts', import.meta.url));

/**
 * The dev floor app with an `orders` table whose stream calls `notify`, which reads the table, and
 * an `order-events` topic the api publishes to and `ship` hears.
 */
function withFunction(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      tables: [
        {
          name: 'orders',
          tableName: `floor-${env.name}-orders`,
          partitionKey: { name: 'pk', type: 'string' as const },
          stream: 'new-image' as const,
          deletionProtection: env.production,
        },
      ],
      functions: functionsOf(env.name),
      topics: [{ name: 'order-events', topicName: `floor-${env.name}-order-events` }],
      services: env.services.map((service) => ({ ...service, topics: ['order-events'] })),
      stackNames: { ...env.stackNames, functions: `floor-${env.name}-functions` },
    })),
  };
}

/** `notify`, called by the orders table's stream, and `ship`, called by the `order-events` topic. */
function functionsOf(env: string): FunctionModel[] {
  return [
    {
      name: 'notify',
      functionName: `floor-${env}-notify`,
      entry: ENTRY,
      handler: 'handler',
      memoryMb: 256,
      timeoutSeconds: 30,
      architecture: 'arm64' as const,
      environment: {},
      tables: { orders: 'read' as const },
      events: {
        table: 'orders',
        batchSize: 100,
        filters: [{ eventName: ['INSERT'] }],
        startingPosition: 'trim-horizon' as const,
      },
    },
    {
      name: 'ship',
      functionName: `floor-${env}-ship`,
      entry: ENTRY,
      handler: 'handler',
      memoryMb: 256,
      timeoutSeconds: 30,
      architecture: 'arm64' as const,
      environment: {},
      tables: {},
      events: { topic: 'order-events', batchSize: 10, filters: [] },
    },
  ];
}

describe('a function on the local emulator', () => {
  const emulator = useEmulator();

  it('publishes its bundled code, deploys it with its stream source, says what the emulator leaves out, and diffs to nothing', async () => {
    const model = withFunction();
    const env = model.environments[0]!;
    const result = await deployEnvironment(model, env.name, emulator.target());
    expect(result.emulatorLimits).toContain(FUNCTIONS_EMULATOR_LIMIT);

    const cloudformation = new CloudFormationClient(emulator.config(env.region));
    const resources = await cloudformation.send(
      new DescribeStackResourcesCommand({ StackName: 'floor-dev-functions' }),
    );
    expect(resources.StackResources?.every((r) => r.ResourceStatus === 'CREATE_COMPLETE')).toBe(true);

    // The code came through the bootstrap bucket: the function holds the bundle the plan made.
    const lambda = new LambdaClient(emulator.config(env.region));
    const { Configuration: fn, Code: code } = await lambda.send(
      new GetFunctionCommand({ FunctionName: 'floor-dev-notify' }),
    );
    expect(fn).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: { TABLE_ORDERS: 'floor-dev-orders' } },
    });
    expect(fn?.CodeSize).toBeGreaterThan(0);
    expect(code?.Location).toMatch(/\.zip$/);

    const { EventSourceMappings: mappings } = await lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'floor-dev-notify' }),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings![0]).toMatchObject({
      EventSourceArn: expect.stringMatching(/table\/floor-dev-orders\/stream\//),
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      FilterCriteria: { Filters: [{ Pattern: '{"eventName":["INSERT"]}' }] },
      DestinationConfig: { OnFailure: { Destination: expect.stringContaining('FunctionNotifyFailures') } },
    });

    // The topic fan-out: the topic under its fixed name, ship's inbox calling it.
    const { EventSourceMappings: fromInbox } = await lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'floor-dev-ship' }),
    );
    expect(fromInbox?.[0]).toMatchObject({
      EventSourceArn: expect.stringContaining('FunctionShipInbox'),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const topic = resources.StackResources?.find((r) => r.ResourceType === 'AWS::SNS::Topic');
    expect(topic?.PhysicalResourceId).toBe('arn:aws:sns:us-east-1:123456789012:floor-dev-order-events');
    const subscription = resources.StackResources?.find((r) => r.ResourceType === 'AWS::SNS::Subscription');
    expect(subscription?.PhysicalResourceId).toMatch(
      /^arn:aws:sns:us-east-1:123456789012:floor-dev-order-events:/,
    );

    const unchanged = await diffEnvironment(model, env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});
