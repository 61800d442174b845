import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';

/**
 * The EKS add-ons every cluster needs: pod networking, cluster DNS, the service proxy and the Pod
 * Identity agent (how pods get their AWS role). Versions are left to EKS's default for the
 * cluster's Kubernetes version; conflicting settings are overwritten, so a hand edit does not pin an
 * add-on. Each waits for the node groups, since CoreDNS cannot schedule without nodes.
 */
const ADDONS = ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent'] as const;

export function clusterAddons(
  scope: Construct,
  cluster: eks.Cluster,
  nodeGroups: readonly eks.Nodegroup[],
): eks.Addon[] {
  return ADDONS.map((addonName) => {
    const addon = new eks.Addon(scope, `Addon-${addonName}`, { cluster, addonName, preserveOnDelete: false });
    const cfn = addon.node.defaultChild as eks.CfnAddon;
    cfn.resolveConflicts = 'OVERWRITE';
    for (const group of nodeGroups) addon.node.addDependency(group);
    return addon;
  });
}
