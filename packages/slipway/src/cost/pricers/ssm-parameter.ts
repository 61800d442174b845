import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import { literalString } from '../template-values.js';

/** `AWS::SSM::Parameter`: standard parameters are free (no line); advanced ones have a monthly price. */
export const priceSsmParameter: Pricer = (logicalId, resource, context) => {
  if (literalString(resource.Properties?.Tier) !== 'Advanced') return [];
  const price = context.prices.prices['ssm.advanced-parameter-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'SSM parameters',
      price.usd,
      `1 advanced parameter × ${unitUsd(price)} per month ${cite('SSM Parameter Store', price)}`,
    ),
  ];
};
