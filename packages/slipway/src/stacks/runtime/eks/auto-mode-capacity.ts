import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { EksClusterModel } from '../../../model/eks.js';
import { AUTO_MODE_BUILT_IN_POOLS } from './auto-mode-names.js';
import { autoModeNodeRole } from './auto-mode-node-role.js';

/** The cluster props that say who starts the nodes. */
export type ClusterCapacity = Pick<eks.ClusterProps, 'defaultCapacityType' | 'defaultCapacity' | 'compute'>;

/**
 * Node groups declared one by one (managed, Karpenter), or EKS Auto Mode. With Auto Mode the L2
 * turns on, together as EKS requires, the compute config (the built-in `system` pool and the node
 * role), block storage and load balancing, and gives the cluster role the four Auto Mode policies
 * and `sts:TagSession` in its trust. CloudFormation sets them on the cluster itself: no custom resource.
 */
export function clusterCapacity(
  scope: Construct,
  cluster: EksClusterModel,
  app: string,
  env: string,
): ClusterCapacity {
  if (cluster.nodes !== 'auto') {
    // Node groups are declared by the stack, each on its own terms; Auto Mode and a default group are off.
    return { defaultCapacityType: eks.DefaultCapacityType.NODEGROUP, defaultCapacity: 0 };
  }
  return {
    defaultCapacityType: eks.DefaultCapacityType.AUTOMODE,
    compute: { nodePools: [...AUTO_MODE_BUILT_IN_POOLS], nodeRole: autoModeNodeRole(scope, app, env) },
  };
}

/** The AWS managed policies Auto Mode needs on the cluster role, besides AmazonEKSClusterPolicy. */
const AUTO_MODE_CLUSTER_POLICIES = [
  'AmazonEKSComputePolicy',
  'AmazonEKSBlockStoragePolicy',
  'AmazonEKSLoadBalancingPolicy',
  'AmazonEKSNetworkingPolicy',
];

/** The cluster role's Auto Mode policies, each with why a managed policy is the right one. */
export function acknowledgeAutoModeClusterRole(cluster: eks.Cluster, planned: EksClusterModel): void {
  if (planned.nodes !== 'auto') return;
  for (const policy of AUTO_MODE_CLUSTER_POLICIES) {
    acknowledge(
      cluster.role,
      `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
      'EKS Auto Mode requires this AWS managed policy on the cluster role to launch nodes, volumes and ' +
        'load balancers and to run pod networking; AWS keeps it current with Auto Mode, a copy would drift.',
    );
  }
}
