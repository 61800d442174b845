import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type KeySchemaElement,
  ResourceNotFoundException,
  type StreamViewType,
  type TableDescription,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableKeyModel, TableModel, TableStream } from '../model/tables.js';
import { DevError } from './dev-error.js';
import type { DevTableInfo } from './events.js';
import { type LocalAws, localClientConfig } from './local-aws.js';

const KEY_TYPES = { string: 'S', number: 'N', binary: 'B' } as const;
const STREAM_VIEWS: Record<TableStream, StreamViewType> = {
  'keys-only': 'KEYS_ONLY',
  'new-image': 'NEW_IMAGE',
  'old-image': 'OLD_IMAGE',
  'new-and-old-images': 'NEW_AND_OLD_IMAGES',
};

/** A table on the emulator, with its stream when it has one. */
export interface LocalTable extends DevTableInfo {
  readonly model: TableModel;
  readonly streamArn?: string;
}

export interface LocalTablesOptions {
  /**
   * The tables were deployed to the emulator by CloudFormation (`slipway up`): use them and
   * never make copies; a missing one means the deploy did not make it. Otherwise (`slipway dev`)
   * a missing table is created from the model.
   */
  readonly deployed: boolean;
}

/**
 * The environment's tables on the emulator, by their physical names. The data stack gives each
 * table the fixed name `<app>-<env>-<name>` (the model's `tableName`), so a deployed table is found
 * under that name; a table created here gets the same name, key schema and stream, so services and
 * functions see the same variables either way.
 */
export async function prepareLocalTables(
  tables: readonly TableModel[],
  aws: LocalAws,
  options: LocalTablesOptions,
): Promise<LocalTable[]> {
  const client = new DynamoDBClient(localClientConfig(aws));
  try {
    const ready: LocalTable[] = [];
    for (const model of tables) {
      let description = await describe(client, model.tableName);
      const created = description === undefined;
      if (description === undefined) {
        if (options.deployed) {
          throw new DevError(
            `tables.${model.name}: the table ${model.tableName} is not on the local emulator although the environment was deployed there`,
            'deploy again (`slipway up` or `slipway deploy --target local`) and check the data stack deployed',
          );
        }
        description = await create(client, model);
      }
      ready.push({
        name: model.name,
        tableName: model.tableName,
        created,
        endpoint: aws.endpoint,
        model,
        ...(description.LatestStreamArn === undefined ? {} : { streamArn: description.LatestStreamArn }),
      });
    }
    return ready;
  } finally {
    client.destroy();
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** The table as the data stack declares it: on-demand, the model's keys, stream view and expiry attribute. */
async function create(client: DynamoDBClient, model: TableModel): Promise<TableDescription> {
  const keys: [TableKeyModel, 'HASH' | 'RANGE'][] = [[model.partitionKey, 'HASH']];
  if (model.sortKey) keys.push([model.sortKey, 'RANGE']);
  const keySchema: KeySchemaElement[] = keys.map(([key, type]) => ({
    AttributeName: key.name,
    KeyType: type,
  }));
  const attributes: AttributeDefinition[] = keys.map(([key]) => ({
    AttributeName: key.name,
    AttributeType: KEY_TYPES[key.type],
  }));
  await client.send(
    new CreateTableCommand({
      TableName: model.tableName,
      KeySchema: keySchema,
      AttributeDefinitions: attributes,
      BillingMode: 'PAY_PER_REQUEST',
      ...(model.stream === undefined
        ? {}
        : { StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEWS[model.stream] } }),
    }),
  );
  if (model.ttlAttribute !== undefined) {
    // Recorded as the data stack sets it; the emulator does not expire items.
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: model.tableName,
        TimeToLiveSpecification: { AttributeName: model.ttlAttribute, Enabled: true },
      }),
    );
  }
  // The emulator makes a table ACTIVE at once, so there is nothing to wait for.
  const description = await describe(client, model.tableName);
  if (description === undefined) throw new Error(`${model.tableName} was created but cannot be described`);
  return description;
}
