import type { EksClusterModel, EksNodePoolModel } from '../../../model/eks.js';
import { layerStackName } from '../../../naming/names.js';
import { eksClusterName } from './eks-names.js';

/**
 * The names Karpenter's AWS side and its Kubernetes side share. All are fixed strings, known
 * before anything deploys, so the GitOps folder names them without CloudFormation tokens.
 */

/** The pool that stays a managed node group under Karpenter: it runs Karpenter itself, CoreDNS and the controllers. */
export const SYSTEM_POOL = 'system';

/** The root volume each EC2NodeClass gives a node (karpenter-node-pools.ts), in GB; the estimate prices it. */
export const KARPENTER_ROOT_VOLUME_GB = 20;

/** The pools Karpenter starts nodes for: every pool but `system`, and none when the cluster uses managed node groups only. */
export function karpenterPools(cluster: EksClusterModel): readonly EksNodePoolModel[] {
  return cluster.nodes === 'karpenter' ? cluster.nodePools.filter((pool) => pool.name !== SYSTEM_POOL) : [];
}

/** The pools that are managed node groups: all of them, only `system` under Karpenter, none under Auto Mode. */
export function managedGroupPools(cluster: EksClusterModel): readonly EksNodePoolModel[] {
  if (cluster.nodes === 'auto') return [];
  const karpenter = new Set(karpenterPools(cluster));
  return cluster.nodePools.filter((pool) => !karpenter.has(pool));
}

/** The IAM role of Karpenter's nodes, which each EC2NodeClass names (Karpenter makes the instance profile). */
export function karpenterNodeRoleName(app: string, env: string): string {
  return `${eksClusterName(app, env)}-karpenter-node`;
}

/** The SQS queue EventBridge sends interruption notices to, the chart's `settings.interruptionQueue`. */
export function karpenterQueueName(app: string, env: string): string {
  return `${eksClusterName(app, env)}-karpenter`;
}

/**
 * The tags that find the subnets of Karpenter's nodes, one selector term per zone (terms are ORed):
 * the `Name` CDK gives each private subnet of the network stack's VPC, `<stack>/Vpc/privateSubnet<N>`.
 * A shared tag such as `aws-cdk:subnet-name: private` would also match other VPCs of the account,
 * since Karpenter looks subnets up by tag across the region; the construct path is this VPC's own.
 */
export function karpenterSubnetTags(
  app: string,
  env: string,
  zones: number,
): readonly Readonly<Record<string, string>>[] {
  const vpc = `${layerStackName(app, env, 'network')}/Vpc`;
  return Array.from({ length: zones }, (_, i) => ({ Name: `${vpc}/privateSubnet${i + 1}` }));
}

/**
 * The tag that finds the security group of Karpenter's nodes: the cluster security group EKS
 * creates, which it tags `aws:eks:cluster-name: <cluster>` (an `aws:` tag no one else can set).
 * Managed node groups use the same group, and the data stack's groups admit it, so Karpenter's
 * nodes reach the control plane, each other and the databases exactly as the managed ones do.
 * Tagging that group ourselves (`karpenter.sh/discovery`) would take a custom resource, since
 * CloudFormation does not create it; a group of our own would need the same rules twice.
 */
export function karpenterSecurityGroupTags(app: string, env: string): Readonly<Record<string, string>> {
  return { 'aws:eks:cluster-name': eksClusterName(app, env) };
}
