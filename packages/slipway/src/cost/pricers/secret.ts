import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/** `AWS::SecretsManager::Secret`: a flat monthly price; API calls are not estimated. */
export const priceSecret: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['secretsmanager.secret-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Secrets Manager',
      price.usd,
      `1 secret × ${unitUsd(price)} per month ${cite('Secrets Manager', price)}; API calls not counted`,
    ),
  ];
};
