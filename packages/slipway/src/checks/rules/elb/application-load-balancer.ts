import type { CfnResource } from '../../../template/types.js';
import { keyValue, property } from '../support/values.js';

/** `Type` defaults to `application` when absent. */
export function isApplicationLoadBalancer(resource: CfnResource): boolean {
  if (resource.Type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer') return false;
  const type = property(resource, 'Type');
  return type === undefined || type === 'application';
}

export function loadBalancerAttribute(resource: CfnResource, key: string): unknown {
  return keyValue(property(resource, 'LoadBalancerAttributes'), key);
}
