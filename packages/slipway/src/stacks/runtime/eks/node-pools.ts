import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { EksNodePoolModel } from '../../../model/eks.js';
import type { EnvironmentModel } from '../../../model/types.js';
import { logicalIdPart } from '../../shared/logical-ids.js';

const TAINT_EFFECTS = {
  NoSchedule: eks.TaintEffect.NO_SCHEDULE,
  PreferNoSchedule: eks.TaintEffect.PREFER_NO_SCHEDULE,
  NoExecute: eks.TaintEffect.NO_EXECUTE,
} as const;

/**
 * One managed node group per pool, in the private subnets, on Amazon Linux 2023 for the pool's
 * architecture. Each launches from a template that requires IMDSv2 with a hop limit of 1, so pods
 * (which get their AWS role through Pod Identity) cannot borrow the node's role from the metadata
 * service. Cost: the pool's EC2 instances (Spot or on-demand) and their 20 GB gp3 root volumes.
 */
export function managedNodePools(
  scope: Construct,
  cluster: eks.Cluster,
  pools: readonly EksNodePoolModel[],
  env: EnvironmentModel,
): eks.Nodegroup[] {
  return pools.map((pool) => {
    const id = `NodePool${logicalIdPart(pool.name)}`;
    const launchTemplate = new ec2.LaunchTemplate(scope, `${id}LaunchTemplate`, {
      requireImdsv2: true,
      httpPutResponseHopLimit: 1,
      // One-minute EC2 metrics cost about $2 per instance a month: production only.
      detailedMonitoring: env.production,
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          volume: ec2.BlockDeviceVolume.ebs(20, { volumeType: ec2.EbsDeviceVolumeType.GP3, encrypted: true }),
        },
      ],
    });
    if (!env.production) {
      acknowledge(
        launchTemplate,
        'CT.EC2.PR.10',
        `${env.name} is not production: its nodes report EC2 metrics every five minutes, which is free; ` +
          'one-minute detailed monitoring costs about $2 per instance a month and is on in production.',
      );
    }
    const group = cluster.addNodegroupCapacity(id, {
      nodegroupName: pool.name,
      amiType:
        pool.architecture === 'arm64'
          ? eks.NodegroupAmiType.AL2023_ARM_64_STANDARD
          : eks.NodegroupAmiType.AL2023_X86_64_STANDARD,
      capacityType: pool.capacity === 'spot' ? eks.CapacityType.SPOT : eks.CapacityType.ON_DEMAND,
      instanceTypes: pool.instanceTypes.map((type) => new ec2.InstanceType(type)),
      minSize: pool.minSize,
      maxSize: pool.maxSize,
      desiredSize: pool.desiredSize,
      labels: { ...pool.labels },
      taints: pool.taints.map((taint) => ({
        key: taint.key,
        value: taint.value,
        effect: TAINT_EFFECTS[taint.effect],
      })),
      launchTemplateSpec: {
        id: launchTemplate.launchTemplateId!,
        version: launchTemplate.latestVersionNumber,
      },
    });
    acknowledgeNodeRolePolicies(group.role);
    return group;
  });
}

/** The AWS managed policies EKS documents for a node role; kept as AWS maintains them. */
const NODE_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEKS_CNI_Policy',
];

function acknowledgeNodeRolePolicies(role: iam.IRole): void {
  for (const policy of NODE_POLICIES) {
    acknowledge(
      role,
      `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
      "EKS requires these AWS managed policies on a managed node group's role and keeps them current " +
        'with new EKS features; a copy of them would drift. Workloads get their own roles through Pod Identity, never this one.',
    );
  }
}
