import { isTrue } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isApplicationLoadBalancer, loadBalancerAttribute } from './application-load-balancer.js';

export const elbProductionDeletionProtection: SlipwayRule = {
  id: 'Slipway-ELB3',
  level: 'error',
  description:
    'A production application load balancer must have deletion protection on (deletion_protection.enabled=true); its DNS name is what clients point at.',
  check(resource, { production }) {
    if (!production || !isApplicationLoadBalancer(resource)) return 'not-applicable';
    return isTrue(loadBalancerAttribute(resource, 'deletion_protection.enabled'))
      ? 'compliant'
      : 'non-compliant';
  },
};
