import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import { karpenterNodeRoleName } from './karpenter-names.js';

/**
 * The AWS managed policies EKS documents for a node role (Amazon EKS node IAM role): joining the
 * cluster, pod networking, and pulling images. `PullOnly` is the narrower ECR policy EKS and
 * Karpenter's own template now name; the managed node groups keep CDK's `ReadOnly`.
 */
const NODE_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryPullOnly',
];

/**
 * The role of the nodes Karpenter launches, under a fixed name each EC2NodeClass gives as its
 * `role` (Karpenter makes the instance profile from it), and the EC2_LINUX access entry that lets
 * those nodes join the cluster: with access entries only, there is no aws-auth ConfigMap to list it.
 */
export function karpenterNodeRole(
  scope: Construct,
  cluster: eks.ICluster,
  app: string,
  env: string,
): iam.Role {
  const role = new iam.Role(scope, 'NodeRole', {
    roleName: karpenterNodeRoleName(app, env),
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    description: `Nodes Karpenter launches for ${app} ${env}`,
    managedPolicies: NODE_POLICIES.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
  });
  for (const policy of NODE_POLICIES) {
    acknowledge(
      role,
      `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
      'EKS documents these AWS managed policies for a node role and keeps them current with new EKS ' +
        'features; a copy of them would drift. Workloads get their own roles through Pod Identity, never this one.',
    );
  }
  new eks.AccessEntry(scope, 'NodeAccess', {
    cluster,
    principal: role.roleArn,
    accessEntryType: eks.AccessEntryType.EC2_LINUX,
    // EKS gives an EC2_LINUX entry the node's own permissions (system:nodes); it takes no policy.
    accessPolicies: [],
  });
  return role;
}
