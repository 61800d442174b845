import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import { literalNumber } from '../template-values.js';

const DAYS_PER_MONTH = 730 / 24;
/** Log groups that never expire are priced as holding a year of logs. */
const NEVER_EXPIRES_DAYS = 365;

/** Days a log group keeps its events, for storage: a year when it never expires. */
export function retentionDays(retention: unknown): number {
  return literalNumber(retention) ?? NEVER_EXPIRES_DAYS;
}

/**
 * `AWS::Logs::LogGroup`: the environment's log volume (`usage.logGbPerMonth`) is known only in
 * total, so it is priced once, on one anchor log group (the one keeping logs longest): ingestion,
 * plus storage of what that retention holds at steady state (uncompressed, so an upper bound).
 * Other log groups get no line of their own.
 */
export const priceLogGroup: Pricer = (logicalId, resource, context) => {
  const anchor = context.logVolumeAnchor;
  if (!anchor || anchor.stack !== context.stack.name || anchor.logicalId !== logicalId) return [];
  const gb = context.usage.logGbPerMonth;
  if (gb === 0) return [];
  const ingest = context.prices.prices['logs.ingested-gb'];
  const store = context.prices.prices['logs.stored-gb-month'];
  const days = retentionDays(resource.Properties?.RetentionInDays);
  const storedGb = gb * (days / DAYS_PER_MONTH);
  return [
    costLine(
      context,
      logicalId,
      resource,
      'CloudWatch Logs',
      gb * ingest.usd + storedGb * store.usd,
      `${qty(gb)} GB ingested × ${unitUsd(ingest)} + ${qty(storedGb)} GB held for ${qty(days)} days × ` +
        `${unitUsd(store)} per month ${cite('CloudWatch Logs', ingest, store)}; the whole environment's logs`,
    ),
  ];
};
