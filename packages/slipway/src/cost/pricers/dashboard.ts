import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::CloudWatch::Dashboard`: priced at the full monthly figure. An account's first three
 * dashboards are free, but which three are an account's is not something one plan can know (other
 * apps and environments share the account), so the estimate stays on the safe side and says so.
 */
export const priceDashboard: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['cloudwatch.dashboard-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'CloudWatch dashboards',
      price.usd,
      `1 dashboard × ${unitUsd(price)} per month ${cite('CloudWatch dashboards', price)}; ` +
        "free if it is one of the account's first three",
    ),
  ];
};
