import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import type { EksAddonModel } from '../../../model/eks.js';

/**
 * The EKS add-ons every cluster needs: pod networking, cluster DNS, the service proxy, the Pod
 * Identity agent (how pods get their AWS role) and metrics-server, then any others the config names. A version the
 * config pins is installed as given; otherwise EKS's default for the cluster's Kubernetes version.
 * Conflicting settings are overwritten, so a hand edit does not pin an add-on. Each waits for the
 * node groups, since CoreDNS cannot schedule without nodes.
 */
const CORE_ADDONS = ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent', 'metrics-server'] as const;

/**
 * Settings an add-on needs for what the GitOps folder relies on: the VPC CNI enforces the
 * services' NetworkPolicies only with its network policy agent on (off by default); the
 * autoscalers read CPU and memory from metrics-server, which is why it is a core add-on here.
 */
const CONFIGURATION: Readonly<Record<string, Record<string, unknown>>> = {
  'vpc-cni': { enableNetworkPolicy: 'true' },
};

/** The Secrets Store CSI driver and its AWS provider, in one add-on: how pods mount their secrets. */
export const SECRETS_STORE_CSI_ADDON = 'aws-secrets-store-csi-driver-provider';

/**
 * What EKS Auto Mode runs on its nodes itself (pod networking, DNS, the service proxy and the Pod
 * Identity agent): an Auto Mode cluster installs none of them as add-ons.
 */
export const AUTO_MODE_BUILT_IN_ADDONS: readonly string[] = [
  'vpc-cni',
  'coredns',
  'kube-proxy',
  'eks-pod-identity-agent',
];

export function clusterAddons(
  scope: Construct,
  cluster: eks.Cluster,
  nodeGroups: readonly eks.Nodegroup[],
  pinned: readonly EksAddonModel[] = [],
  /** Add-ons a setting of the cluster relies on, beside the core ones. */
  required: readonly string[] = [],
  /** Core add-ons the cluster runs itself (Auto Mode), left out. */
  builtIn: readonly string[] = [],
): eks.Addon[] {
  const core = CORE_ADDONS.filter((name) => !builtIn.includes(name));
  const names = [...new Set([...core, ...required, ...pinned.map((a) => a.name)])];
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
    const configuration = CONFIGURATION[addonName];
    if (configuration !== undefined) cfn.configurationValues = JSON.stringify(configuration);
    for (const group of nodeGroups) addon.node.addDependency(group);
    return addon;
  });
}
