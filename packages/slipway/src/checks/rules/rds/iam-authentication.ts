import { isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isStandaloneInstance } from './standalone-instance.js';

export const rdsIamAuthentication: SlipwayRule = {
  id: 'Slipway-RDS2',
  level: 'error',
  description:
    'A DB instance must enable IAM database authentication, so services log in with short-lived tokens instead of stored passwords.',
  check(resource) {
    if (!isStandaloneInstance(resource)) return 'not-applicable';
    return isTrue(property(resource, 'EnableIAMDatabaseAuthentication')) ? 'compliant' : 'non-compliant';
  },
};
