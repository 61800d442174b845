import { asList, property, toNumber } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isEcsService } from './service-deployment.js';

export const ecsProductionHealthCheckGrace: SlipwayRule = {
  id: 'Slipway-ECS6',
  level: 'error',
  description:
    'A production service behind a load balancer must set HealthCheckGracePeriodSeconds, so slow-starting tasks are not killed before they are ready.',
  check(resource, { production }) {
    if (!production || !isEcsService(resource)) return 'not-applicable';
    if (asList(property(resource, 'LoadBalancers')).length === 0) return 'not-applicable';
    return (toNumber(property(resource, 'HealthCheckGracePeriodSeconds')) ?? 0) > 0
      ? 'compliant'
      : 'non-compliant';
  },
};
