import { isTrue } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isApplicationLoadBalancer, loadBalancerAttribute } from './application-load-balancer.js';

export const elbDropInvalidHeaders: SlipwayRule = {
  id: 'Slipway-ELB1',
  level: 'error',
  description:
    'An application load balancer must set routing.http.drop_invalid_header_fields.enabled=true, closing a request-smuggling path.',
  check(resource) {
    if (!isApplicationLoadBalancer(resource)) return 'not-applicable';
    return isTrue(loadBalancerAttribute(resource, 'routing.http.drop_invalid_header_fields.enabled'))
      ? 'compliant'
      : 'non-compliant';
  },
};
