import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';

/**
 * The AWS managed policies EKS documents for an Auto Mode node role (Amazon EKS Auto Mode node IAM
 * role): joining the cluster and pulling images. Auto Mode runs pod networking itself, so the node
 * needs no CNI policy.
 */
const NODE_POLICIES = ['AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly'];

/**
 * The role of the nodes Auto Mode launches, named in the cluster's compute config. EKS gives it its
 * access entry itself when Auto Mode is on, so the stack declares none (a second would conflict).
 */
export function autoModeNodeRole(scope: Construct, app: string, env: string): iam.Role {
  const role = new iam.Role(scope, 'AutoModeNodeRole', {
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    description: `Nodes EKS Auto Mode launches for ${app} ${env}`,
    managedPolicies: NODE_POLICIES.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
  });
  for (const policy of NODE_POLICIES) {
    acknowledge(
      role,
      `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
      'EKS documents these AWS managed policies for an Auto Mode node role and keeps them current with ' +
        'new EKS features; a copy of them would drift. Workloads get their own roles through Pod Identity, never this one.',
    );
  }
  return role;
}
