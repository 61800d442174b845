import { property } from '../support/values.js';
import type { SlipwayRule } from '../types.js';

const PRINCIPAL_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

export const iamNoAdministratorAccess: SlipwayRule = {
  id: 'Slipway-IAM2',
  level: 'error',
  description:
    'No role, user or group may have the AdministratorAccess managed policy; grant what the job needs.',
  check(resource) {
    if (!PRINCIPAL_TYPES.has(resource.Type)) return 'not-applicable';
    // Serialized so ARNs built with Fn::Join around AWS::Partition are caught too.
    const arns = JSON.stringify(property(resource, 'ManagedPolicyArns') ?? []);
    return /:policy\/AdministratorAccess"/.test(arns) ? 'non-compliant' : 'compliant';
  },
};
