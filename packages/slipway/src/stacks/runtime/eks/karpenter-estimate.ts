import type { EnvironmentModel } from '../../../model/types.js';
import type { CfnResource, SynthesizedStack } from '../../../template/types.js';
import { karpenterPools } from './karpenter-names.js';

/** The root volume each EC2NodeClass gives a node (karpenter-node-pools.ts), in GB. */
export const KARPENTER_ROOT_VOLUME_GB = 20;

/**
 * The nodes Karpenter is expected to run for an EKS environment's pools but `system`, as template
 * resources the estimate prices exactly like a managed node group: the pool's `desiredSize`
 * instances of its first instance type, Spot or on-demand, each with its encrypted 20 GB gp3 root
 * volume. No CloudFormation template holds them (Karpenter starts them at run time for pending
 * pods), so without this the estimate would leave them out. Karpenter may run more or fewer nodes,
 * and other types of the pool's list; the estimate prices the pool as declared. Undefined when
 * Karpenter starts no pool.
 */
export function karpenterNodeEstimate(env: EnvironmentModel): SynthesizedStack | undefined {
  const pools = env.eks ? karpenterPools(env.eks) : [];
  if (pools.length === 0) return undefined;
  const resources: Record<string, CfnResource> = {};
  for (const pool of pools) {
    const launchTemplate = `Karpenter ${pool.name} EC2NodeClass`;
    resources[launchTemplate] = {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          BlockDeviceMappings: [
            {
              DeviceName: '/dev/xvda',
              Ebs: { VolumeSize: KARPENTER_ROOT_VOLUME_GB, VolumeType: 'gp3', Encrypted: true },
            },
          ],
          Monitoring: { Enabled: env.production },
        },
      },
    };
    resources[`Karpenter ${pool.name} NodePool`] = {
      Type: 'AWS::EKS::Nodegroup',
      Properties: {
        NodegroupName: pool.name,
        CapacityType: pool.capacity === 'spot' ? 'SPOT' : 'ON_DEMAND',
        InstanceTypes: [...pool.instanceTypes],
        ScalingConfig: { MinSize: pool.minSize, MaxSize: pool.maxSize, DesiredSize: pool.desiredSize },
        LaunchTemplate: { Id: { Ref: launchTemplate } },
      },
    };
  }
  return {
    name: `${env.stackNames.runtime} (Karpenter nodes)`,
    environment: env.name,
    region: env.region,
    templatePath: '',
    template: { Resources: resources },
  };
}
