import { cite, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';

/**
 * `AWS::ServiceDiscovery::Instance`: one registration a template makes itself, such as the
 * private DNS alias of a database. Registrations ECS makes for tasks are priced with the service.
 */
export const priceCloudMapInstance: Pricer = (logicalId, resource, context) => {
  const price = context.prices.prices['cloudmap.registered-instance-month'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Private DNS',
      price.usd,
      `1 Cloud Map registration × ${unitUsd(price)} per month ${cite('Cloud Map registrations', price)}`,
    ),
  ];
};
