import { flatMonthly } from './flat-monthly.js';

/** `AWS::SecretsManager::Secret`: a flat monthly price; API calls are not estimated. */
export const priceSecret = flatMonthly({
  price: 'secretsmanager.secret-month',
  driver: 'Secrets Manager',
  unit: 'secret',
  source: 'Secrets Manager',
  leavesOut: 'API calls not counted',
});
