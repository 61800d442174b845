import { isTrue } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isApplicationLoadBalancer, loadBalancerAttribute } from './application-load-balancer.js';

export const elbAccessLogs: SlipwayRule = {
  id: 'Slipway-ELB2',
  level: 'error',
  description: 'An application load balancer must write access logs (access_logs.s3.enabled=true).',
  check(resource) {
    if (!isApplicationLoadBalancer(resource)) return 'not-applicable';
    return isTrue(loadBalancerAttribute(resource, 'access_logs.s3.enabled')) ? 'compliant' : 'non-compliant';
  },
};
