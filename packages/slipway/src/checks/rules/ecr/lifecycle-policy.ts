import { parsePolicy } from '../support/policy-documents.js';
import { asList, isRecord, property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';

export const ecrLifecyclePolicy: SlipwayRule = {
  id: 'Slipway-ECR3',
  level: 'error',
  description: 'An ECR repository must have a lifecycle policy with at least one rule, so old images expire.',
  check(resource) {
    if (resource.Type !== 'AWS::ECR::Repository') return 'not-applicable';
    const lifecycle = property(resource, 'LifecyclePolicy');
    const policy = isRecord(lifecycle) ? parsePolicy(lifecycle.LifecyclePolicyText) : undefined;
    return isRecord(policy) && asList(policy.rules).length > 0 ? 'compliant' : 'non-compliant';
  },
};
