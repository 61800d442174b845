import { referencedLogicalId, resourcesOfType } from '../support/references.js';
import { property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { isApplicationLoadBalancer } from './application-load-balancer.js';

/**
 * Production traffic in clear text: an internet-facing load balancer with no HTTPS listener. Dev
 * may serve plain HTTP on the load balancer's own name; production sets `domain`, or says why not
 * in an acknowledgement.
 */
export const elbProductionHttps: SlipwayRule = {
  id: 'Slipway-ELB5',
  level: 'error',
  description:
    "A production internet-facing load balancer must serve HTTPS: set the environment's domain (name and ACM certificate), or acknowledge with the reason it may serve plain HTTP.",
  check(resource, { production, template, logicalId }) {
    if (!production || !isApplicationLoadBalancer(resource)) return 'not-applicable';
    if (property(resource, 'Scheme') === 'internal') return 'not-applicable';
    const https = resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener').some(
      ({ resource: listener }) =>
        property(listener, 'Protocol') === 'HTTPS' &&
        referencedLogicalId(property(listener, 'LoadBalancerArn')) === logicalId,
    );
    return https ? 'compliant' : 'non-compliant';
  },
};
