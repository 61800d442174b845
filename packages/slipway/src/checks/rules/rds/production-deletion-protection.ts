import { isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isStandaloneInstance } from './standalone-instance.js';

export const rdsProductionDeletionProtection: SlipwayRule = {
  id: 'Slipway-RDS5',
  level: 'error',
  description: 'A production DB instance must have deletion protection on.',
  check(resource, { production }) {
    if (!production || !isStandaloneInstance(resource)) return 'not-applicable';
    return isTrue(property(resource, 'DeletionProtection')) ? 'compliant' : 'non-compliant';
  },
};
