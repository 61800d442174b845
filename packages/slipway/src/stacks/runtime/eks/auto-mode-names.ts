import type { EksClusterModel, EksNodePoolModel } from '../../../model/eks.js';
import { SYSTEM_POOL } from './karpenter-names.js';

/**
 * What the cluster stack and the GitOps folder agree on under EKS Auto Mode (`eks.nodes: 'auto'`).
 * Auto Mode's own `system` NodePool stands in for the model's `system` pool: EKS keeps it (a
 * CriticalAddonsOnly taint, on-demand C, M and R instances of generation 5 or newer), and keeping
 * one built-in pool on is what makes EKS create the `default` NodeClass the other pools use.
 */
export const AUTO_MODE_BUILT_IN_POOLS: readonly string[] = [SYSTEM_POOL];

/** Auto Mode's built-in NodeClass, which launches nodes with the cluster's node role, subnets and security group. */
export const AUTO_MODE_NODE_CLASS = {
  group: 'eks.amazonaws.com',
  kind: 'NodeClass',
  name: 'default',
} as const;

/** The pools that become NodePools of their own under Auto Mode: every pool but `system`; none otherwise. */
export function autoModePools(cluster: EksClusterModel): readonly EksNodePoolModel[] {
  return cluster.nodes === 'auto' ? cluster.nodePools.filter((pool) => pool.name !== SYSTEM_POOL) : [];
}
