import { isTrue, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isStandaloneInstance } from './standalone-instance.js';

export const rdsPerformanceInsights: SlipwayRule = {
  id: 'Slipway-RDS3',
  level: 'error',
  description:
    'A production DB instance must enable Performance Insights, so slow queries can be diagnosed after the fact.',
  check(resource, { production }) {
    if (!production || !isStandaloneInstance(resource)) return 'not-applicable';
    return isTrue(property(resource, 'EnablePerformanceInsights')) ? 'compliant' : 'non-compliant';
  },
};
