import { flatMonthly } from './flat-monthly.js';

/**
 * `AWS::ServiceDiscovery::Instance`: one registration a template makes itself, such as the
 * private DNS alias of a database. Registrations ECS makes for tasks are priced with the service.
 */
export const priceCloudMapInstance = flatMonthly({
  price: 'cloudmap.registered-instance-month',
  driver: 'Private DNS',
  unit: 'Cloud Map registration',
  source: 'Cloud Map registrations',
});
