import { AUTO_MODE_MANAGEMENT_PROPERTY } from '../cost/pricers/eks-nodegroup.js';
import type { EnvironmentModel } from '../model/types.js';
import { KARPENTER_ROOT_VOLUME_GB, karpenterPools } from '../stacks/runtime/eks/karpenter-names.js';
import type { CfnResource, SynthesizedStack } from '../template/types.js';

/** The ephemeral storage Auto Mode's `default` NodeClass gives a node: 80 GiB of gp3. */
const AUTO_MODE_NODE_VOLUME_GB = 80;

/**
 * The pools whose nodes a controller starts at run time, and how: Karpenter's (every pool but
 * `system`), or under EKS Auto Mode every pool, `system` standing for Auto Mode's built-in one.
 */
function controllerPools(env: EnvironmentModel) {
  if (env.eks?.nodes === 'auto') {
    return {
      pools: env.eks.nodePools,
      label: 'EKS Auto Mode',
      volumeGb: AUTO_MODE_NODE_VOLUME_GB,
      auto: true,
    };
  }
  const pools = env.eks ? karpenterPools(env.eks) : [];
  return { pools, label: 'Karpenter', volumeGb: KARPENTER_ROOT_VOLUME_GB, auto: false };
}

/**
 * The nodes Karpenter is expected to run for an EKS environment's pools but `system`, as template
 * resources the estimate prices exactly like a managed node group: the pool's `desiredSize`
 * instances of its first instance type, Spot or on-demand, each with its encrypted 20 GB gp3 root
 * volume. No CloudFormation template holds them (Karpenter starts them at run time for pending
 * pods), so without this the estimate would leave them out. Karpenter may run more or fewer nodes,
 * and other types of the pool's list; the estimate prices the pool as declared. Under EKS Auto
 * Mode every pool is priced so, each node with the 80 GiB volume of the `default` NodeClass, and
 * Auto Mode's management fee as its own line. Undefined when no controller starts a pool.
 */
export function karpenterNodeEstimate(env: EnvironmentModel): SynthesizedStack | undefined {
  const { pools, label, volumeGb, auto } = controllerPools(env);
  if (pools.length === 0) return undefined;
  const resources: Record<string, CfnResource> = {};
  for (const pool of pools) {
    const launchTemplate = `${label} ${pool.name} ${auto ? 'NodeClass' : 'EC2NodeClass'}`;
    resources[launchTemplate] = {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          BlockDeviceMappings: [
            {
              DeviceName: '/dev/xvda',
              Ebs: { VolumeSize: volumeGb, VolumeType: 'gp3', Encrypted: true },
            },
          ],
          Monitoring: { Enabled: env.production },
        },
      },
    };
    resources[`${label} ${pool.name} NodePool`] = {
      Type: 'AWS::EKS::Nodegroup',
      Properties: {
        NodegroupName: pool.name,
        CapacityType: pool.capacity === 'spot' ? 'SPOT' : 'ON_DEMAND',
        InstanceTypes: [...pool.instanceTypes],
        ScalingConfig: { MinSize: pool.minSize, MaxSize: pool.maxSize, DesiredSize: pool.desiredSize },
        LaunchTemplate: { Id: { Ref: launchTemplate } },
        ...(auto ? { [AUTO_MODE_MANAGEMENT_PROPERTY]: true } : {}),
      },
    };
  }
  return {
    name: `${env.stackNames.runtime} (${label} nodes)`,
    environment: env.name,
    region: env.region,
    templatePath: '',
    template: { Resources: resources },
  };
}
