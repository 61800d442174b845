import type { NodePool } from '@kubernetes-models/karpenter/karpenter.sh/v1';
import type { EnvironmentModel } from '../model/types.js';
import { AUTO_MODE_NODE_CLASS, autoModePools } from '../stacks/runtime/eks/auto-mode-names.js';
import { poolNodePool } from './karpenter-node-pools.js';

/**
 * Under EKS Auto Mode, a NodePool per pool but `system` (Auto Mode's built-in one stands in for
 * it), each launching from Auto Mode's built-in `default` NodeClass: the node role of the cluster's
 * compute config, its subnets and its security group, so the folder names no AWS resource. The
 * pool's own terms (capacity type, architecture, instance types, labels, taints, at most `maxSize`
 * nodes) are as under Karpenter. None when the cluster does not use Auto Mode.
 */
export function autoModeNodePools(
  app: string,
  env: EnvironmentModel,
): readonly { readonly pool: string; readonly manifests: readonly [NodePool] }[] {
  if (!env.eks) return [];
  return autoModePools(env.eks).map((pool) => ({
    pool: pool.name,
    manifests: [poolNodePool(app, pool, { nodeClassRef: AUTO_MODE_NODE_CLASS, capacityLabel: false })],
  }));
}
