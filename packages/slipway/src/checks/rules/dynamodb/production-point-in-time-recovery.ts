import { isTrue, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/**
 * A production table can be restored to any second of the last 35 days only with continuous
 * backups; without them, a bad deploy or a wrong delete loses items for good.
 */
export const dynamodbProductionPointInTimeRecovery: SlipwayRule = {
  id: 'Slipway-DDB1',
  level: 'error',
  description: 'A production DynamoDB table must have point-in-time recovery on.',
  check(resource, { production }) {
    if (!production || resource.Type !== 'AWS::DynamoDB::Table') return 'not-applicable';
    const recovery = property(resource, 'PointInTimeRecoverySpecification') as
      { PointInTimeRecoveryEnabled?: unknown } | undefined;
    if (isTrue(recovery?.PointInTimeRecoveryEnabled)) return 'compliant';
    return violation('PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not true');
  },
};
