import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { AppModel, EnvironmentModel } from '../../../model/types.js';
import { regionFacts } from '../../shared/partition.js';
import { eksClusterName, platformAccounts } from './eks-names.js';
import { type KarpenterPlace, karpenterControllerStatements } from './karpenter-controller-policy.js';
import { karpenterInterruptionQueue } from './karpenter-interruption.js';
import { karpenterNodeRole } from './karpenter-node-role.js';
import { podIdentityRole } from './pod-identity-role.js';

/**
 * Karpenter's AWS side, for a cluster whose pools but `system` are Karpenter's (`eks.nodes:
 * 'karpenter'`): the controller's Pod Identity role with its published policy, the role and access
 * entry of the nodes it launches, and the interruption queue with its EventBridge rules. The
 * controller itself, its NodePools and EC2NodeClasses are in the GitOps folder.
 * Cost: nothing for the roles, entry, queue and rules beyond a few cents of SQS requests; the nodes
 * Karpenter launches are EC2 instances and gp3 volumes like a managed node group's.
 */
export function karpenterNodes(
  scope: Construct,
  cluster: eks.ICluster,
  model: AppModel,
  env: EnvironmentModel,
): iam.Role {
  const construct = new Construct(scope, 'Karpenter');
  const nodeRole = karpenterNodeRole(construct, cluster, model.app, env.name);
  const queue = karpenterInterruptionQueue(construct, model.app, env.name, env.account);
  const role = podIdentityRole(
    construct,
    cluster,
    platformAccounts.karpenter,
    `Karpenter of ${model.app} ${env.name}: launches and ends the nodes of the cluster's Karpenter pools`,
  );
  const place: KarpenterPlace = {
    ...regionFacts(env.region),
    region: env.region,
    account: env.account,
    clusterName: eksClusterName(model.app, env.name),
    nodeRoleArn: nodeRole.roleArn,
    queueArn: queue.queueArn,
  };
  for (const statement of karpenterControllerStatements(place)) role.addToPolicy(statement);
  acknowledgeWildcards(role, place);
  return role;
}

/** Each wildcard of the published policy, with why the controller cannot do with less. */
function acknowledgeWildcards(role: iam.Role, place: KarpenterPlace): void {
  const { partition, region, account } = place;
  const ec2 = (resource: string) =>
    `AwsSolutions-IAM5[Resource::arn:${partition}:ec2:${region}:${account}:${resource}]`;
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    "Karpenter's published policy: the EC2 Describe calls, pricing:GetProducts and iam:ListInstanceProfiles " +
      'take no resource ARN (the Describe calls are held to this region), and arc-zonal-shift:GetManagedResource ' +
      'is held to this cluster by its resource-identifier condition.',
  );
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::arn:${partition}:ec2:${region}::image/*]`,
    'Karpenter launches the current EKS-optimized AL2023 image, which AWS publishes under a new id each ' +
      'release; launching from an image grants no write on it.',
  );
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::arn:${partition}:ec2:${region}::snapshot/*]`,
    "An image's root snapshot is named with each new EKS-optimized image; launching reads it, nothing more.",
  );
  for (const resource of ['security-group/*', 'subnet/*', 'capacity-reservation/*', 'placement-group/*']) {
    acknowledge(
      role,
      ec2(resource),
      'Launching an instance names the subnet, security group, reservation or placement group it goes in; ' +
        'the EC2NodeClass selects them by tag at run time, and RunInstances changes none of them.',
    );
  }
  for (const resource of [
    'fleet/*',
    'instance/*',
    'volume/*',
    'network-interface/*',
    'launch-template/*',
    'spot-instances-request/*',
  ]) {
    acknowledge(
      role,
      ec2(resource),
      'Instances, their volumes and interfaces, fleets and launch templates are created at run time with ids ' +
        `no template can know; creating, tagging and ending them requires the kubernetes.io/cluster/${place.clusterName} ` +
        "and karpenter.sh/nodepool tags on the request or the resource, so only this cluster's nodes qualify.",
    );
  }
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::arn:${partition}:iam::${account}:instance-profile/*]`,
    'Karpenter makes one instance profile per EC2NodeClass under a generated name; creating, tagging and ' +
      `changing one requires the kubernetes.io/cluster/${place.clusterName} and karpenter.k8s.aws/ec2nodeclass tags, ` +
      'and the only role it may add is the node role (iam:PassRole names that role alone).',
  );
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::arn:${partition}:ssm:${region}::parameter/aws/service/*]`,
    'AWS publishes the EKS-optimized image ids as public parameters under /aws/service/; Karpenter reads ' +
      'the current one for the AL2023 alias. Nothing of the account is under that path.',
  );
}
