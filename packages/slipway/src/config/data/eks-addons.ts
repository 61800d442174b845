/**
 * EKS add-ons a cluster can install by name: AWS's own and the community add-ons EKS ships, from
 * the EKS user guide's add-on lists (docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html
 * and community-addons.html), checked 2026-12-02. Marketplace add-ons (Datadog's operator and
 * others) need a subscription and are not offered by name here.
 */
export const EKS_ADDON_NAMES: readonly string[] = [
  'vpc-cni',
  'coredns',
  'kube-proxy',
  'eks-pod-identity-agent',
  'aws-ebs-csi-driver',
  'aws-efs-csi-driver',
  'aws-mountpoint-s3-csi-driver',
  'snapshot-controller',
  'aws-secrets-store-csi-driver-provider',
  'amazon-cloudwatch-observability',
  'adot',
  'aws-guardduty-agent',
  'eks-node-monitoring-agent',
  'aws-network-flow-monitoring-agent',
  'metrics-server',
  'kube-state-metrics',
  'prometheus-node-exporter',
  'cert-manager',
  'external-dns',
  'fluent-bit',
];

/** How EKS writes an add-on version: `v1.20.4-eksbuild.1`. */
export const EKS_ADDON_VERSION = /^v\d+\.\d+\.\d+(-eksbuild\.\d+)?$/;
