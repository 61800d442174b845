/**
 * The platform's Helm charts, pinned: a chart that moves on its own would change the cluster
 * without a commit. Raise a version here, in review, after reading the chart's release notes.
 */
export interface PinnedChart {
  readonly repoURL: string;
  readonly chart: string;
  readonly version: string;
}

/**
 * AWS Load Balancer Controller: chart 3.5.0 (controller v3.5.0), per `Chart.yaml` of
 * aws/eks-charts, `stable/aws-load-balancer-controller`.
 */
export const LOAD_BALANCER_CONTROLLER_CHART: PinnedChart = {
  repoURL: 'https://aws.github.io/eks-charts',
  chart: 'aws-load-balancer-controller',
  version: '3.5.0',
};

/**
 * External Secrets Operator: chart 2.9.0 (operator v2.9.0), per the `helm-chart-2.9.0` release of
 * external-secrets/external-secrets, `deploy/charts/external-secrets/Chart.yaml`. It serves the
 * `external-secrets.io/v1` API the ExternalSecrets and SecretStores here are written in.
 */
export const EXTERNAL_SECRETS_CHART: PinnedChart = {
  repoURL: 'https://charts.external-secrets.io',
  chart: 'external-secrets',
  version: '2.9.0',
};

/**
 * Datadog: chart 3.240.0 (Agent and Cluster Agent images 7.81.1, the chart's own defaults), per
 * `charts/datadog/Chart.yaml` and `values.yaml` at the `datadog-3.240.0` tag of DataDog/helm-charts.
 */
export const DATADOG_CHART: PinnedChart = {
  repoURL: 'https://helm.datadoghq.com',
  chart: 'datadog',
  version: '3.240.0',
};

/**
 * Karpenter: chart 1.14.1 (controller v1.14.1), per `charts/karpenter/Chart.yaml` of
 * aws/karpenter-provider-aws after its v1.14.1 release, whose docs install it from this OCI
 * repository. Its IAM policy (karpenter-controller-policy.ts) is that release's.
 */
export const KARPENTER_CHART: PinnedChart = {
  repoURL: 'oci://public.ecr.aws/karpenter/karpenter',
  chart: 'karpenter',
  version: '1.14.1',
};
