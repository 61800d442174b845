import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { TableKeyModel, TableModel, TableStream } from '../../model/tables.js';
import { logicalIdPart, pinLogicalId } from '../shared/logical-ids.js';

export interface DynamoTableProps {
  readonly model: TableModel;
  /** The environment's own data key; AWS's key for DynamoDB without one. */
  readonly dataKey?: kms.IKey;
}

const ATTRIBUTE_TYPES: Record<TableKeyModel['type'], dynamodb.AttributeType> = {
  string: dynamodb.AttributeType.STRING,
  number: dynamodb.AttributeType.NUMBER,
  binary: dynamodb.AttributeType.BINARY,
};

const STREAM_VIEWS: Record<TableStream, dynamodb.StreamViewType> = {
  'keys-only': dynamodb.StreamViewType.KEYS_ONLY,
  'new-image': dynamodb.StreamViewType.NEW_IMAGE,
  'old-image': dynamodb.StreamViewType.OLD_IMAGE,
  'new-and-old-images': dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
};

/**
 * One DynamoDB table: on-demand (no capacity to guess, nothing paid while idle), point-in-time
 * recovery in every environment (35 days of restores for cents a gigabyte), encrypted with the
 * environment's data key when it has one, kept when its stack or its resource goes, and protected
 * from deletion in production. An `AWS::DynamoDB::Table` rather than `TableV2`'s global table: one
 * region needs no replicas, and the same type deploys to the local emulator.
 */
export class DynamoTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: DynamoTableProps) {
    super(scope, id);
    const { model } = props;
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: model.tableName,
      partitionKey: { name: model.partitionKey.name, type: ATTRIBUTE_TYPES[model.partitionKey.type] },
      ...(model.sortKey
        ? { sortKey: { name: model.sortKey.name, type: ATTRIBUTE_TYPES[model.sortKey.type] } }
        : {}),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: model.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.dataKey
        ? { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: props.dataKey }
        : { encryption: dynamodb.TableEncryption.AWS_MANAGED }),
      ...(model.ttlAttribute === undefined ? {} : { timeToLiveAttribute: model.ttlAttribute }),
      ...(model.stream === undefined ? {} : { stream: STREAM_VIEWS[model.stream] }),
    });
    // The id never follows the construct path: a new id would make CloudFormation replace the table.
    pinLogicalId(this.table, `Table${logicalIdPart(model.name)}`);
  }
}
