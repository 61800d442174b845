import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/** `AWS::KMS::Key`: a flat monthly price per customer managed key; requests are not estimated. */
export const priceKmsKey: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['kms.key-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'KMS',
      price.usd,
      `1 key × ${unitUsd(price)} per month ${cite('KMS', price)}; requests not counted`,
    ),
  ];
};
