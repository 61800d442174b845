import { isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isReadReplica } from './read-replica.js';
import { isStandaloneInstance } from './standalone-instance.js';

export const rdsProductionMultiAz: SlipwayRule = {
  id: 'Slipway-RDS4',
  level: 'error',
  description:
    'A production DB instance must be Multi-AZ, so losing one zone does not take the database down.',
  check(resource, { production }) {
    // A replica down in one zone leaves the Multi-AZ writer serving; it only spreads reads.
    if (!production || !isStandaloneInstance(resource) || isReadReplica(resource)) return 'not-applicable';
    return isTrue(property(resource, 'MultiAZ')) ? 'compliant' : 'non-compliant';
  },
};
