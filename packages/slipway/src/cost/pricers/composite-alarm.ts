import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/** `AWS::CloudWatch::CompositeAlarm`: one price a month, whatever its rule names. */
export const priceCompositeAlarm: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['cloudwatch.composite-alarm-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'CloudWatch alarms',
      price.usd,
      `1 composite alarm × ${unitUsd(price)} per month ${cite('CloudWatch alarms', price)}`,
    ),
  ];
};
