import { property, show, toNumber } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { isReadReplica } from './read-replica.js';
import { isStandaloneInstance } from './standalone-instance.js';

/** CloudFormation keeps one day of backups when the property is absent. */
const CLOUDFORMATION_DEFAULT_DAYS = 1;
const PRODUCTION_MINIMUM_DAYS = 7;

export const rdsBackupRetention: SlipwayRule = {
  id: 'Slipway-RDS6',
  level: 'error',
  description: `A DB instance must keep automated backups: at least ${PRODUCTION_MINIMUM_DAYS} days in production, at least 1 day elsewhere.`,
  check(resource, { production }) {
    if (!isStandaloneInstance(resource) || isReadReplica(resource)) return 'not-applicable';
    const raw = property(resource, 'BackupRetentionPeriod');
    const days = raw === undefined ? CLOUDFORMATION_DEFAULT_DAYS : toNumber(raw);
    const minimum = production ? PRODUCTION_MINIMUM_DAYS : 1;
    if (days !== undefined && days >= minimum) return 'compliant';
    return violation(
      `BackupRetentionPeriod is ${raw === undefined ? `unset (${CLOUDFORMATION_DEFAULT_DAYS})` : show(raw)}`,
    );
  },
};
