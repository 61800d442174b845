import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::Logs::MetricFilter`: each metric it publishes is a custom metric. The metric exists only in
 * hours it has data (billing is prorated by the hour), so a quiet filter costs less; this is the
 * ceiling. The log lines it reads are already priced with their log group.
 */
export const priceMetricFilter: Pricer = (logicalId, resource, context) => {
  const transformations = resource.Properties?.['MetricTransformations'];
  const metrics = Array.isArray(transformations) ? transformations.length : 1;
  const price = context.prices.prices['cloudwatch.custom-metric-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'CloudWatch metrics',
      metrics * price.usd,
      `${qty(metrics)} custom metric(s) × ${unitUsd(price)} per month at most ${cite('CloudWatch metrics', price)}`,
    ),
  ];
};
