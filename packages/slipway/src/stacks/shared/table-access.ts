import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { serviceTables, type TableUser } from '../../model/service-tables.js';
import type { TableModel } from '../../model/tables.js';
import type { EnvironmentModel } from '../../model/types.js';
import { regionFacts } from './partition.js';

/** Item reads, queries and scans: what `read` allows. */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
/** Item writes on top: no table or index changes, no backups, no deletes of the table. */
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * What a service may do with its tables, by ARN built from the fixed names (no cross-stack read):
 * item reads, and writes where it asked for them. With the
 * environment's own data key, the key too, through DynamoDB only.
 */
export function tableAccessStatements(
  env: EnvironmentModel,
  service: TableUser,
  dataKey: kms.IKey | undefined,
): iam.PolicyStatement[] {
  const tables = serviceTables(env, service);
  if (tables.length === 0) return [];
  const { partition } = regionFacts(env.region);
  // Tables have no secondary indexes yet, so the table's own ARN is all there is to name.
  const arn = (table: TableModel) =>
    `arn:${partition}:dynamodb:${env.region}:${env.account}:table/${table.tableName}`;
  const statements = [
    new iam.PolicyStatement({
      sid: 'ReadDeclaredTables',
      actions: READ_ACTIONS,
      resources: tables.map(({ table }) => arn(table)),
    }),
  ];
  const written = tables.filter(({ access }) => access === 'read-write');
  if (written.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'WriteDeclaredTables',
        actions: WRITE_ACTIONS,
        resources: written.map(({ table }) => arn(table)),
      }),
    );
  }
  if (dataKey !== undefined) {
    // What DynamoDB asks of the caller's key rights: decrypting to read, encrypting to write.
    const keyActions = [
      'kms:Decrypt',
      'kms:DescribeKey',
      ...(written.length > 0
        ? ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo']
        : []),
    ];
    statements.push(
      new iam.PolicyStatement({
        sid: 'UseDataKeyThroughDynamoDB',
        actions: keyActions,
        resources: [dataKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${env.region}.amazonaws.com` } },
      }),
    );
  }
  return statements;
}
