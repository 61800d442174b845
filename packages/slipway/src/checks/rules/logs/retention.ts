import { property, toNumber } from '../support/values.js';
import type { SlipwayRule } from '../types.js';

export const logsRetention: SlipwayRule = {
  id: 'Slipway-LOG1',
  level: 'error',
  description: 'A log group must set RetentionInDays; without it logs are kept, and billed, forever.',
  check(resource) {
    if (resource.Type !== 'AWS::Logs::LogGroup') return 'not-applicable';
    return toNumber(property(resource, 'RetentionInDays')) !== undefined ? 'compliant' : 'non-compliant';
  },
};
