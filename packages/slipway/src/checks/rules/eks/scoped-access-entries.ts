import { asList, isRecord, property, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { describeEksResource, eksConfigField } from './eks-resources.js';

/** The short name of an access policy ARN, e.g. AmazonEKSClusterAdminPolicy, however the ARN is joined. */
function policyName(arn: unknown): string {
  const text = typeof arn === 'string' ? arn : JSON.stringify(arn);
  return /cluster-access-policy\/([A-Za-z0-9]+)/.exec(text)?.[1] ?? show(arn);
}

/** Names of the namespace-scoped policies that reach every namespace through `*`. */
function everyNamespacePolicies(accessPolicies: unknown): string[] {
  return asList(accessPolicies)
    .filter(isRecord)
    .filter((policy) => {
      const scope = isRecord(policy.AccessScope) ? policy.AccessScope : {};
      return scope.Type === 'namespace' && asList(scope.Namespaces).includes('*');
    })
    .map((policy) => policyName(policy.PolicyArn));
}

export const eksScopedAccessEntries: SlipwayRule = {
  id: 'Slipway-EKS7',
  level: 'error',
  description:
    'An access entry must name one IAM principal, never a wildcard ARN, and a namespace-scoped policy must list its namespaces, never *; otherwise whoever matches gets the policy.',
  check(resource) {
    if (resource.Type !== 'AWS::EKS::AccessEntry') return 'not-applicable';
    const policies = property(resource, 'AccessPolicies');
    const names = asList(policies)
      .filter(isRecord)
      .map((policy) => policyName(policy.PolicyArn));
    const problems: string[] = [];
    // Serialized so a wildcard inside an Fn::Join is caught too.
    if (JSON.stringify(property(resource, 'PrincipalArn') ?? '').includes('*')) {
      const granted = names.length > 0 ? names.join(', ') : 'its Kubernetes groups';
      problems.push(`a wildcard principal ARN is granted ${granted}`);
    }
    const everywhere = everyNamespacePolicies(policies);
    if (everywhere.length > 0) problems.push(`${everywhere.join(', ')} is scoped to namespace *`);
    if (problems.length === 0) return 'compliant';
    return violation(
      `${describeEksResource(resource)}: ${problems.join('; ')}; ` +
        `list each role ARN in ${eksConfigField(resource, 'admins')} or ${eksConfigField(resource, 'developers')}`,
    );
  },
};
