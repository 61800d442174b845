import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import type { EksClusterModel } from '../../../model/eks.js';
import type { AppModel } from '../../../model/types.js';
import { ModelError } from '../../shared/model-error.js';
import { appNamespace } from './eks-names.js';

/**
 * One access entry per developer role: Kubernetes' `edit` permissions (AmazonEKSEditPolicy) in
 * the app's namespace only, so developers deploy and debug their services but cannot touch the
 * platform controllers, other namespaces or cluster-wide objects. Admins have their own entries.
 */
export function developerAccess(
  scope: Construct,
  cluster: eks.ICluster,
  model: AppModel,
  planned: EksClusterModel,
  path: string,
): eks.AccessEntry[] {
  const developers = planned.developers ?? [];
  const both = developers.filter((roleArn) => planned.admins.includes(roleArn));
  if (both.length > 0) {
    throw new ModelError(
      `${path}.developers`,
      `${both.join(', ')} is listed in admins too; an IAM principal has one access entry per cluster`,
      'List each role in admins or in developers, not both.',
    );
  }
  return developers.map(
    (roleArn, i) =>
      new eks.AccessEntry(scope, `Developer${i + 1}`, {
        cluster,
        principal: roleArn,
        accessPolicies: [
          eks.AccessPolicy.fromAccessPolicyName('AmazonEKSEditPolicy', {
            accessScopeType: eks.AccessScopeType.NAMESPACE,
            namespaces: [appNamespace(model.app)],
          }),
        ],
      }),
  );
}
