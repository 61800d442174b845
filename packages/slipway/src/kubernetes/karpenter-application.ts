import type { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { EnvironmentModel } from '../model/types.js';
import { eksClusterName, platformAccounts } from '../stacks/runtime/eks/eks-names.js';
import { karpenterPools, karpenterQueueName, SYSTEM_POOL } from '../stacks/runtime/eks/karpenter-names.js';
import { argoApplication, PLATFORM_WAVE } from './argo-application.js';
import { taintTolerations } from './node-placement.js';
import { KARPENTER_CHART } from './platform-charts.js';

/**
 * Karpenter starts the nodes the other controllers and the services may land on, so it comes a
 * wave before them; its NodePools and EC2NodeClasses come with the other controllers, once its
 * CRDs exist.
 */
export const KARPENTER_WAVE = PLATFORM_WAVE - 1;
export const KARPENTER_POOLS_WAVE = PLATFORM_WAVE;

/**
 * The Karpenter controller, an Argo CD Application of its pinned chart (an OCI artifact, which Argo
 * CD 3.1 and later read as a source of its own: `path: .`, no repository to register), or nothing
 * when the cluster does not use Karpenter. It runs on the system pool, a managed node group, never
 * on nodes it starts itself; its AWS role comes through Pod Identity on the fixed service account,
 * and the interruption queue has a fixed name, so no value is a CloudFormation token.
 */
export function karpenterApplications(app: string, env: EnvironmentModel): Application[] {
  if (!env.eks || karpenterPools(env.eks).length === 0) return [];
  const system = env.eks.nodePools.find((pool) => pool.name === SYSTEM_POOL);
  const account = platformAccounts.karpenter;
  return [
    argoApplication({
      app,
      name: `platform-${KARPENTER_CHART.chart}`,
      namespace: account.namespace,
      wave: KARPENTER_WAVE,
      source: {
        repoURL: KARPENTER_CHART.repoURL,
        path: '.',
        targetRevision: KARPENTER_CHART.version,
        helm: {
          releaseName: KARPENTER_CHART.chart,
          valuesObject: {
            settings: {
              clusterName: eksClusterName(app, env.name),
              interruptionQueue: karpenterQueueName(app, env.name),
              // Without NAT there is no Pricing API (it has no VPC endpoint): use the bundled prices.
              ...(env.network.natGateways === 0 ? { isolatedVPC: true } : {}),
            },
            serviceAccount: { create: true, name: account.serviceAccount },
            // Two replicas spread over nodes; a system pool of one node has room for one.
            replicas: (system?.minSize ?? 1) >= 2 ? 2 : 1,
            nodeSelector: { 'kubernetes.io/os': 'linux', ...system?.labels },
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              ...taintTolerations(system?.taints ?? []),
            ],
          },
        },
      },
    }),
  ];
}

/** The Application of the pools' folder, `platform/karpenter/`, whose source the caller gives. */
export function karpenterPoolsApplication(
  app: string,
  source: { readonly repoURL: string; readonly targetRevision: string; readonly path: string },
): Application {
  return argoApplication({
    app,
    name: 'platform-karpenter-node-pools',
    // NodePools and EC2NodeClasses are cluster-scoped; the namespace is Karpenter's, for tidiness.
    namespace: platformAccounts.karpenter.namespace,
    wave: KARPENTER_POOLS_WAVE,
    source,
  });
}
