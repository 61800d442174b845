import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::DynamoDB::Table` on demand: the requests and storage the usage model assumes per table
 * (`usage.tableReadMillionsPerMonth`, `tableWriteMillionsPerMonth`, `tableGbPerTable`), and the
 * continuous backups of that storage when point-in-time recovery is on. Stream reads by Lambda
 * are free; the account's free tier is ignored.
 */
export const priceDynamoTable: Pricer = (logicalId, resource, context) => {
  const { prices } = context.prices;
  const writes = prices['dynamodb.write-million'];
  const reads = prices['dynamodb.read-million'];
  const storage = prices['dynamodb.gb-month'];
  const backups = prices['dynamodb.pitr.gb-month'];
  const { tableWriteMillionsPerMonth: w, tableReadMillionsPerMonth: r, tableGbPerTable: gb } = context.usage;
  const recovery = resource.Properties?.PointInTimeRecoverySpecification as
    { PointInTimeRecoveryEnabled?: unknown } | undefined;
  const pitr = recovery?.PointInTimeRecoveryEnabled === true;
  return [
    costLine(
      context,
      logicalId,
      resource,
      'DynamoDB',
      w * writes.usd + r * reads.usd + gb * storage.usd + (pitr ? gb * backups.usd : 0),
      `${qty(w)} M writes × ${unitUsd(writes)} + ${qty(r)} M reads × ${unitUsd(reads)} + ${qty(gb)} GB × ` +
        `${unitUsd(storage)}${pitr ? ` + ${qty(gb)} GB of continuous backups × ${unitUsd(backups)}` : ''} ` +
        `${cite('DynamoDB', writes, reads, storage, ...(pitr ? [backups] : []))}`,
    ),
  ];
};
