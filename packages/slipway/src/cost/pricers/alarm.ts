import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import { literalNumber, literalObject } from '../template-values.js';

/** Alarms on periods shorter than this are high-resolution and cost more. */
const STANDARD_PERIOD_SECONDS = 60;

/**
 * `AWS::CloudWatch::Alarm`: billed per metric it watches (one for a plain alarm, each `MetricStat`
 * of a metric-math alarm), at the high-resolution rate for periods under a minute.
 */
export const priceAlarm: Pricer = (logicalId, resource, context) => {
  const props = resource.Properties ?? {};
  const metrics = Array.isArray(props.Metrics) ? props.Metrics.map(literalObject) : [];
  const stats = metrics.map((m) => literalObject(m?.MetricStat)).filter((s) => s !== undefined);
  const count = Math.max(1, stats.length);
  const periods = [props.Period, ...stats.map((s) => s.Period)]
    .map(literalNumber)
    .filter((p) => p !== undefined);
  const highResolution = periods.some((p) => p < STANDARD_PERIOD_SECONDS);
  const price = highResolution
    ? context.prices.prices['cloudwatch.high-resolution-alarm-metric-month']
    : context.prices.prices['cloudwatch.alarm-metric-month'];
  const kind = highResolution ? 'high-resolution ' : '';
  return [
    costLine(
      context,
      logicalId,
      resource,
      'CloudWatch alarms',
      count * price.usd,
      `${qty(count)} ${kind}alarm metric(s) × ${unitUsd(price)} per month ${cite('CloudWatch alarms', price)}`,
    ),
  ];
};
