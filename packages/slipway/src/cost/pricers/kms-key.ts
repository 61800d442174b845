import { flatMonthly } from './flat-monthly.js';

/** `AWS::KMS::Key`: a flat monthly price per customer managed key; requests are not estimated. */
export const priceKmsKey = flatMonthly({
  price: 'kms.key-month',
  driver: 'KMS',
  unit: 'key',
  source: 'KMS',
  leavesOut: 'requests not counted',
});
