import { isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';

/** A production table refuses DeleteTable, from the console, the API or CloudFormation alike. */
export const dynamodbProductionDeletionProtection: SlipwayRule = {
  id: 'Slipway-DDB2',
  level: 'error',
  description: 'A production DynamoDB table must have deletion protection on.',
  check(resource, { production }) {
    if (!production || resource.Type !== 'AWS::DynamoDB::Table') return 'not-applicable';
    return isTrue(property(resource, 'DeletionProtectionEnabled')) ? 'compliant' : 'non-compliant';
  },
};
