import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** The Kubernetes service account a Pod Identity association hands a role to. */
export interface PodServiceAccount {
  readonly namespace: string;
  readonly serviceAccount: string;
}

const POD_IDENTITY = 'pods.eks.amazonaws.com';

/**
 * A role only EKS Pod Identity may assume, handed to one service account of `cluster` by a
 * CloudFormation-native association. The service account itself is a plain object in the GitOps
 * folder with no role annotation, so the manifests hold no account id or role ARN.
 */
export function podIdentityRole(
  scope: Construct,
  cluster: eks.ICluster,
  account: PodServiceAccount,
  description: string,
): iam.Role {
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal(POD_IDENTITY),
    description,
  });
  // Pod Identity tags the session with the cluster, namespace and service account.
  role.assumeRolePolicy?.addStatements(
    new iam.PolicyStatement({
      actions: ['sts:TagSession'],
      principals: [new iam.ServicePrincipal(POD_IDENTITY)],
    }),
  );
  new eks.CfnPodIdentityAssociation(scope, 'Association', {
    clusterName: cluster.clusterName,
    namespace: account.namespace,
    serviceAccount: account.serviceAccount,
    roleArn: role.roleArn,
  });
  return role;
}
