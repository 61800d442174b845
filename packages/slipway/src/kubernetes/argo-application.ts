import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { IApplicationSource } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { appLabels } from './labels.js';
import { syncWave } from './sync-wave.js';

/** Where Argo CD runs and keeps its Applications. */
export const ARGOCD_NAMESPACE = 'argocd';
/** The cluster Argo CD runs in: each environment's cluster has its own Argo CD. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';

/**
 * Waves of the root Application: the controllers the services need come first. Argo CD waits on
 * a child Application's health only where its `argocd-cm` has a health check for Applications
 * (none by default since Argo CD 1.8); without one the waves order creation only, and the retry
 * below carries the services over the moments before External Secrets' CRDs exist.
 */
export const PLATFORM_WAVE = -1;
export const SERVICES_WAVE = 0;

/** A failed sync is tried again, backing off from 10 seconds to 5 minutes, then left for a person. */
const SYNC_RETRY = { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } };

export interface ArgoApplicationProps {
  readonly app: string;
  readonly name: string;
  /** Namespace the Application's objects go to; created when missing. */
  readonly namespace: string;
  readonly source: IApplicationSource;
  /** Position among the root Application's children. @default none (the root itself) */
  readonly wave?: number;
  /**
   * Apply on the server: large objects (External Secrets' CRDs) overflow the 256 KiB annotation a
   * client-side apply keeps of the last applied state. @default false
   */
  readonly serverSide?: boolean;
}

/**
 * An Argo CD Application that keeps its namespace equal to its source: automated sync that prunes
 * what the source no longer has and undoes changes made by hand in the cluster.
 */
export function argoApplication(props: ArgoApplicationProps): Application {
  const annotations = {
    ...(props.wave === undefined ? {} : syncWave(props.wave)),
    // The diff must be server-side too, or it computes the same oversized annotation.
    ...(props.serverSide ? { 'argocd.argoproj.io/compare-options': 'ServerSideDiff=true' } : {}),
  };
  return new Application({
    metadata: {
      name: props.name,
      namespace: ARGOCD_NAMESPACE,
      labels: appLabels(props.app),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      project: 'default',
      source: props.source,
      destination: { server: IN_CLUSTER, namespace: props.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        retry: SYNC_RETRY,
        syncOptions: ['CreateNamespace=true', ...(props.serverSide ? ['ServerSideApply=true'] : [])],
      },
    },
  });
}
