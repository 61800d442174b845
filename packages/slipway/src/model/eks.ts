/**
 * The EKS runtime as planned for one environment: pure data, like the rest of the model.
 * `resolve/eks.ts` makes it from the config's `eks` block; tests may build one by hand.
 */
import type { Architecture, Capacity } from './types.js';

/** Where an environment's services run: ECS on Fargate, or pods on an EKS cluster. */
export type Runtime = 'ecs' | 'eks';

export interface EksClusterModel {
  /** Kubernetes minor version, e.g. '1.35'; standard support only (extended costs 6× as much). */
  readonly version: string;
  /** CIDRs that may reach the public API endpoint; empty keeps the endpoint private to the VPC. */
  readonly publicEndpointCidrs: readonly string[];
  /** IAM role ARNs given cluster-admin through access entries. */
  readonly admins: readonly string[];
  /** IAM role ARNs allowed to edit (not administer) the app's namespace only. @default [] */
  readonly developers?: readonly string[];
  /** Managed node groups, in private subnets. */
  readonly nodePools: readonly EksNodePoolModel[];
  /**
   * How pods get their secrets and connection settings: External Secrets Operator syncs them from
   * SSM and Secrets Manager into Kubernetes Secrets the pods read as environment variables, or the
   * Secrets Store CSI driver mounts them with the pod's own role. @default 'external-secrets'
   */
  readonly secrets?: 'external-secrets' | 'secrets-store-csi';
  /** EKS add-ons with a pinned version, by name; core add-ons not named take EKS's default. @default [] */
  readonly addons?: readonly EksAddonModel[];
  /** Where the GitOps folder lives in the repository, Argo CD's source. @default 'gitops' */
  readonly gitopsPath?: string;
  /**
   * Who starts the nodes: managed node groups for every pool, or Karpenter for every pool but
   * `system`, which stays a managed node group and runs Karpenter. @default 'managed'
   */
  readonly nodes?: 'managed' | 'karpenter' | 'auto';
  /** The Datadog agent as a platform app on every node; absent when not asked for. */
  readonly datadog?: EksDatadogModel;
}

export interface EksAddonModel {
  /** EKS add-on name, e.g. 'vpc-cni', 'metrics-server'. */
  readonly name: string;
  /** Version as EKS names it, e.g. 'v1.20.4-eksbuild.1'. */
  readonly version: string;
}

export interface EksDatadogModel {
  /** Datadog site, e.g. 'datadoghq.com' or 'datadoghq.eu'. */
  readonly site: string;
  /** Name of the declared secret (`env.secrets`) that holds the API key. */
  readonly apiKeySecret: string;
  /** The services' monitors, kept by the Datadog Operator; absent without an application key. */
  readonly monitors?: EksDatadogMonitorsModel;
}

export interface EksDatadogMonitorsModel {
  /** Name of the declared secret that holds the application key the Operator manages monitors with. */
  readonly appKeySecret: string;
  /** Datadog handles every monitor's message mentions, e.g. '@slack-ops-alerts'; empty notifies no one. */
  readonly notify: readonly string[];
}

export interface EksNodePoolModel {
  /** Name unique in the cluster, e.g. 'system', 'workload'. */
  readonly name: string;
  readonly capacity: Capacity;
  readonly architecture: Architecture;
  /** EC2 instance types, e.g. ['t4g.medium']; several give Spot more pools to draw from. */
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  /** Kubernetes labels every node of the pool carries. */
  readonly labels: Readonly<Record<string, string>>;
  /** Taints every node of the pool carries, e.g. Spot nodes for tolerant workloads only. */
  readonly taints: readonly EksTaintModel[];
}

export interface EksTaintModel {
  readonly key: string;
  readonly value: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}
