import type { INodeAffinity, IPreferredSchedulingTerm, IToleration } from 'kubernetes-models/v1';
import type { EksNodePoolModel, EksTaintModel } from '../model/eks.js';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { ManifestError, servicePathOf } from './manifest-error.js';

/** The label EKS puts on every node of a managed node group: `ON_DEMAND` or `SPOT`. */
export const CAPACITY_TYPE_LABEL = 'eks.amazonaws.com/capacityType';

/**
 * How a node says its capacity: managed node groups (and Slipway's Karpenter pools, which copy it)
 * carry EKS's label; EKS Auto Mode's nodes carry only Karpenter's own, and refuse EKS's label on
 * a NodePool.
 */
function capacityLabel(env: EnvironmentModel): { key: string; onDemand: string; spot: string } {
  return env.eks?.nodes === 'auto'
    ? { key: 'karpenter.sh/capacity-type', onDemand: 'on-demand', spot: 'spot' }
    : { key: CAPACITY_TYPE_LABEL, onDemand: 'ON_DEMAND', spot: 'SPOT' };
}

/**
 * Where the service's pods may run, by capacity: an on-demand service must never land on Spot (a
 * reclaim would take it down), so its selector is required; a Spot service prefers Spot but may
 * fall back to on-demand nodes rather than not run at all.
 */
export function capacityPlacement(
  env: EnvironmentModel,
  service: ServiceModel,
): {
  readonly nodeSelector: Record<string, string>;
  readonly preferred: IPreferredSchedulingTerm[];
} {
  const label = capacityLabel(env);
  if (service.capacity === 'on-demand') {
    return { nodeSelector: { [label.key]: label.onDemand }, preferred: [] };
  }
  const spot: IPreferredSchedulingTerm = {
    weight: 50,
    preference: { matchExpressions: [{ key: label.key, operator: 'In', values: [label.spot] }] },
  };
  return { nodeSelector: {}, preferred: [spot] };
}

/**
 * The pools the service's pods may land on: its architecture, and on-demand only when it asks
 * for on-demand. Unknown (none) when the environment has no cluster model, as in ECS-only models.
 */
export function eligiblePools(
  env: EnvironmentModel,
  service: ServiceModel,
): readonly EksNodePoolModel[] | undefined {
  if (!env.eks) return undefined;
  const pools = env.eks.nodePools.filter(
    (pool) =>
      pool.architecture === service.architecture &&
      (service.capacity === 'spot' || pool.capacity === 'on-demand'),
  );
  if (pools.length === 0) {
    throw new ManifestError(
      servicePathOf(env.name, service.name, 'capacity'),
      `no node pool of the cluster runs ${service.capacity} ${service.architecture} nodes, so its pods would never start`,
      `add such a pool under eks.nodePools, or change the service's capacity or architecture`,
    );
  }
  return pools;
}

/** Tolerations for the taints of the pools the service may land on, so it can use all of them. */
export function poolTolerations(env: EnvironmentModel, service: ServiceModel): IToleration[] {
  return taintTolerations((eligiblePools(env, service) ?? []).flatMap((pool) => pool.taints));
}

/** One toleration per distinct taint, in a fixed order so the manifest never reorders. */
export function taintTolerations(taints: readonly EksTaintModel[]): IToleration[] {
  const unique = new Map<string, EksTaintModel>();
  for (const taint of taints) unique.set(`${taint.key}=${taint.value}:${taint.effect}`, taint);
  return [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, t]) => ({ key: t.key, operator: 'Equal', value: t.value, effect: t.effect }));
}

/** The node affinity's preferred terms, or nothing when there are none. */
export function preferredTerms(
  preferred: IPreferredSchedulingTerm[],
): Pick<INodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution'> {
  return preferred.length > 0 ? { preferredDuringSchedulingIgnoredDuringExecution: preferred } : {};
}
