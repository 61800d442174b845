import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import type { EksAddonModel } from '../../../model/eks.js';

/**
 * The EKS add-ons every cluster needs: pod networking, cluster DNS, the service proxy and the Pod
 * Identity agent (how pods get their AWS role), then any others the config names. A version the
 * config pins is installed as given; otherwise EKS's default for the cluster's Kubernetes version.
 * Conflicting settings are overwritten, so a hand edit does not pin an add-on. Each waits for the
 * node groups, since CoreDNS cannot schedule without nodes.
 */
const CORE_ADDONS = ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent'] as const;

export function clusterAddons(
  scope: Construct,
  cluster: eks.Cluster,
  nodeGroups: readonly eks.Nodegroup[],
  pinned: readonly EksAddonModel[] = [],
): eks.Addon[] {
  const names = [...new Set([...CORE_ADDONS, ...pinned.map((a) => a.name)])];
  return names.map((addonName) => {
    const addonVersion = pinned.find((a) => a.name === addonName)?.version;
    const addon = new eks.Addon(scope, `Addon-${addonName}`, {
      cluster,
      addonName,
      ...(addonVersion === undefined ? {} : { addonVersion }),
      preserveOnDelete: false,
    });
    const cfn = addon.node.defaultChild as eks.CfnAddon;
    cfn.resolveConflicts = 'OVERWRITE';
    for (const group of nodeGroups) addon.node.addDependency(group);
    return addon;
  });
}
