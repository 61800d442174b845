import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/** `AWS::ECR::Repository`: `usage.ecrGbPerRepository` of images stored. */
export const priceEcrRepository: Pricer = (logicalId, resource, context) => {
  const gb = context.usage.ecrGbPerRepository;
  if (gb === 0) return [];
  const price = context.prices.prices['ecr.gb-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'ECR',
      gb * price.usd,
      `${qty(gb)} GB of images × ${unitUsd(price)} per month ${cite('ECR storage', price)}`,
    ),
  ];
};
