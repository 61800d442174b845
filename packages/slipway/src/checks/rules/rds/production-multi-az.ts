import { isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isStandaloneInstance } from './standalone-instance.js';

export const rdsProductionMultiAz: SlipwayRule = {
  id: 'Slipway-RDS4',
  level: 'error',
  description:
    'A production DB instance must be Multi-AZ, so losing one zone does not take the database down.',
  check(resource, { production }) {
    if (!production || !isStandaloneInstance(resource)) return 'not-applicable';
    return isTrue(property(resource, 'MultiAZ')) ? 'compliant' : 'non-compliant';
  },
};
