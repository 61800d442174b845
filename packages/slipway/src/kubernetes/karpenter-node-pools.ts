import { EC2NodeClass } from '@kubernetes-models/karpenter/karpenter.k8s.aws/v1';
import { NodePool } from '@kubernetes-models/karpenter/karpenter.sh/v1';
import type { EksNodePoolModel } from '../model/eks.js';
import type { EnvironmentModel } from '../model/types.js';
import {
  KARPENTER_ROOT_VOLUME_GB,
  karpenterNodeRoleName,
  karpenterPools,
  karpenterSecurityGroupTags,
  karpenterSubnetTags,
} from '../stacks/runtime/eks/karpenter-names.js';
import { appLabels } from './labels.js';
import { CAPACITY_TYPE_LABEL } from './node-placement.js';

/** What the pool's nodes run: Karpenter and Kubernetes name x86_64 `amd64`. */
const ARCHITECTURES = { arm64: 'arm64', x86_64: 'amd64' } as const;

/**
 * A Karpenter pool's two objects, cluster-scoped and named after the pool: the EC2NodeClass (how
 * its nodes launch) and the NodePool (which nodes, with which labels and taints, how many at most).
 * None for a cluster without Karpenter. Nothing here is a CloudFormation token: the node role,
 * subnets and security group are found by fixed names and tags (karpenter-names.ts).
 */
export function karpenterNodePoolObjects(
  app: string,
  env: EnvironmentModel,
): readonly { readonly pool: string; readonly manifests: readonly [EC2NodeClass, NodePool] }[] {
  if (!env.eks) return [];
  return karpenterPools(env.eks).map((pool) => ({
    pool: pool.name,
    manifests: [
      nodeClass(app, env, pool),
      poolNodePool(app, pool, {
        nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: pool.name },
        capacityLabel: true,
      }),
    ],
  }));
}

/**
 * Launched like a managed node group's nodes: Amazon Linux 2023, IMDSv2 only with one hop (pods,
 * which get their role through Pod Identity, cannot borrow the node's), a 20 GB encrypted gp3 root
 * volume, one-minute metrics in production only. `al2023@latest` takes each new EKS-optimized
 * image as AWS publishes it; Karpenter replaces the nodes as drift, within its disruption budget
 * (10% of a pool's nodes at a time), so security fixes reach the nodes without a commit.
 */
function nodeClass(app: string, env: EnvironmentModel, pool: EksNodePoolModel): EC2NodeClass {
  return new EC2NodeClass({
    metadata: { name: pool.name, labels: appLabels(app) },
    spec: {
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      role: karpenterNodeRoleName(app, env.name),
      subnetSelectorTerms: karpenterSubnetTags(app, env.name, env.availabilityZones.length).map((tags) => ({
        tags: { ...tags },
      })),
      securityGroupSelectorTerms: [{ tags: { ...karpenterSecurityGroupTags(app, env.name) } }],
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          rootVolume: true,
          ebs: {
            volumeSize: `${KARPENTER_ROOT_VOLUME_GB}Gi`,
            volumeType: 'gp3',
            encrypted: true,
            deleteOnTermination: true,
          },
        },
      ],
      detailedMonitoring: env.production,
    },
  });
}

export interface PoolNodePoolOptions {
  /** The NodeClass the pool's nodes launch from: its own EC2NodeClass, or Auto Mode's built-in one. */
  readonly nodeClassRef: { readonly group: string; readonly kind: string; readonly name: string };
  /**
   * Whether each node carries the capacity label EKS puts on managed node groups' nodes. Auto Mode
   * refuses NodePools with labels in the `eks.amazonaws.com` domain, so it is off there.
   */
  readonly capacityLabel: boolean;
}

/**
 * The pool's nodes: its capacity type, architecture and instance types, its labels and taints,
 * and at most `maxSize` nodes. With `capacityLabel`, each node also carries the capacity label EKS
 * puts on managed node groups' nodes, which the services' placement selects on (node-placement.ts).
 * Karpenter (self-run or Auto Mode's) starts nodes for pending pods only, so the pool's `minSize`
 * and `desiredSize` do not apply; it removes or replaces nodes that are empty or underused after a minute.
 */
export function poolNodePool(app: string, pool: EksNodePoolModel, options: PoolNodePoolOptions): NodePool {
  const capacityLabel: Record<string, string> = options.capacityLabel
    ? { [CAPACITY_TYPE_LABEL]: pool.capacity === 'spot' ? 'SPOT' : 'ON_DEMAND' }
    : {};
  return new NodePool({
    metadata: { name: pool.name, labels: appLabels(app) },
    spec: {
      template: {
        metadata: { labels: { ...pool.labels, ...capacityLabel } },
        spec: {
          nodeClassRef: { ...options.nodeClassRef },
          requirements: [
            { key: 'karpenter.sh/capacity-type', operator: 'In', values: [pool.capacity] },
            { key: 'kubernetes.io/arch', operator: 'In', values: [ARCHITECTURES[pool.architecture]] },
            { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
            { key: 'node.kubernetes.io/instance-type', operator: 'In', values: [...pool.instanceTypes] },
          ],
          ...(pool.taints.length > 0
            ? { taints: pool.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })) }
            : {}),
        },
      },
      // A string, as the API server stores a quantity, so Argo CD sees no difference after sync.
      limits: { nodes: String(pool.maxSize) },
      disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
    },
  });
}
