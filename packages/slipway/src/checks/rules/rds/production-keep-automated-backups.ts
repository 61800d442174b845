import { isFalse, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isReadReplica } from './read-replica.js';
import { isStandaloneInstance } from './standalone-instance.js';

export const rdsProductionKeepAutomatedBackups: SlipwayRule = {
  id: 'Slipway-RDS7',
  level: 'error',
  // CloudFormation deletes automated backups with the instance unless told otherwise.
  description:
    'A production DB instance must set DeleteAutomatedBackups to false, so its backups outlive an accidental deletion.',
  check(resource, { production }) {
    if (!production || !isStandaloneInstance(resource) || isReadReplica(resource)) return 'not-applicable';
    return isFalse(property(resource, 'DeleteAutomatedBackups')) ? 'compliant' : 'non-compliant';
  },
};
