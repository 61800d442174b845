import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * The Karpenter controller's IAM policy as the project publishes it for v1.14.1
 * (aws/karpenter-provider-aws, website/content/en/docs/getting-started/getting-started-with-karpenter/
 * cloudformation.yaml: NodeLifecyclePolicy, IAMIntegrationPolicy, EKSIntegrationPolicy,
 * InterruptionPolicy, ZonalShiftPolicy and ResourceDiscoveryPolicy), statement for statement with
 * upstream's Sids. Every write is scoped to the cluster as upstream scopes it: by the
 * `kubernetes.io/cluster/<name>: owned` and `eks:eks-cluster-name` tags Karpenter puts on what it
 * launches, with a `karpenter.sh/nodepool` (or `karpenter.k8s.aws/ec2nodeclass`) tag present. One
 * change: the ARNs name the environment's account instead of `*` (Amazon's images and snapshots keep
 * their empty account). When upgrading Karpenter, compare this list with that release's file.
 */

/** Where the controller works, and the two resources of ours it is given by ARN. */
export interface KarpenterPlace {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly clusterName: string;
  /** The node role, the only role the controller may pass to EC2. */
  readonly nodeRoleArn: string;
  /** The interruption queue it reads. */
  readonly queueArn: string;
}

interface ControllerStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions?: Record<string, Record<string, unknown>>;
}

/** The controller's statements for the cluster in `place`. */
export function karpenterControllerStatements(place: KarpenterPlace): iam.PolicyStatement[] {
  return controllerStatements(place).map(
    (statement) =>
      new iam.PolicyStatement({
        sid: statement.sid,
        actions: [...statement.actions],
        resources: [...statement.resources],
        ...(statement.conditions === undefined ? {} : { conditions: statement.conditions }),
      }),
  );
}

function controllerStatements(place: KarpenterPlace): readonly ControllerStatement[] {
  const { partition, region, account, clusterName } = place;
  const ec2 = (resource: string) => `arn:${partition}:ec2:${region}:${account}:${resource}`;
  const instanceProfiles = `arn:${partition}:iam::${account}:instance-profile/*`;
  const clusterArn = `arn:${partition}:eks:${region}:${account}:cluster/${clusterName}`;
  const clusterTag = `kubernetes.io/cluster/${clusterName}`;
  const ownedResource = { [`aws:ResourceTag/${clusterTag}`]: 'owned' };
  const ownedRequest = {
    [`aws:RequestTag/${clusterTag}`]: 'owned',
    'aws:RequestTag/eks:eks-cluster-name': clusterName,
  };
  const ofNodePool = (tag: 'ResourceTag' | 'RequestTag') => ({ [`aws:${tag}/karpenter.sh/nodepool`]: '*' });
  const ofNodeClass = (tag: 'ResourceTag' | 'RequestTag') => ({
    [`aws:${tag}/karpenter.k8s.aws/ec2nodeclass`]: '*',
  });
  const launched = [
    'fleet/*',
    'instance/*',
    'volume/*',
    'network-interface/*',
    'launch-template/*',
    'spot-instances-request/*',
  ].map(ec2);
  return [
    {
      sid: 'AllowScopedEC2InstanceAccessActions',
      actions: ['ec2:RunInstances', 'ec2:CreateFleet'],
      resources: [
        `arn:${partition}:ec2:${region}::image/*`,
        `arn:${partition}:ec2:${region}::snapshot/*`,
        ec2('security-group/*'),
        ec2('subnet/*'),
        ec2('capacity-reservation/*'),
        ec2('placement-group/*'),
      ],
    },
    {
      sid: 'AllowScopedEC2LaunchTemplateAccessActions',
      actions: ['ec2:RunInstances', 'ec2:CreateFleet'],
      resources: [ec2('launch-template/*')],
      conditions: { StringEquals: ownedResource, StringLike: ofNodePool('ResourceTag') },
    },
    {
      sid: 'AllowScopedEC2InstanceActionsWithTags',
      actions: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
      resources: launched,
      conditions: { StringEquals: ownedRequest, StringLike: ofNodePool('RequestTag') },
    },
    {
      sid: 'AllowScopedResourceCreationTagging',
      actions: ['ec2:CreateTags'],
      resources: launched,
      conditions: {
        StringEquals: {
          ...ownedRequest,
          'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'],
        },
        StringLike: ofNodePool('RequestTag'),
      },
    },
    {
      sid: 'AllowScopedResourceTagging',
      actions: ['ec2:CreateTags'],
      resources: [ec2('instance/*')],
      conditions: {
        StringEquals: ownedResource,
        StringLike: ofNodePool('ResourceTag'),
        StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': clusterName },
        'ForAllValues:StringEquals': {
          'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'],
        },
      },
    },
    {
      sid: 'AllowScopedDeletion',
      actions: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
      resources: [ec2('instance/*'), ec2('launch-template/*')],
      conditions: { StringEquals: ownedResource, StringLike: ofNodePool('ResourceTag') },
    },
    {
      sid: 'AllowPassingInstanceRole',
      actions: ['iam:PassRole'],
      resources: [place.nodeRoleArn],
      conditions: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] } },
    },
    {
      sid: 'AllowScopedInstanceProfileCreationActions',
      actions: ['iam:CreateInstanceProfile'],
      resources: [instanceProfiles],
      conditions: {
        StringEquals: { ...ownedRequest, 'aws:RequestTag/topology.kubernetes.io/region': region },
        StringLike: ofNodeClass('RequestTag'),
      },
    },
    {
      sid: 'AllowScopedInstanceProfileTagActions',
      actions: ['iam:TagInstanceProfile'],
      resources: [instanceProfiles],
      conditions: {
        StringEquals: {
          ...ownedResource,
          'aws:ResourceTag/topology.kubernetes.io/region': region,
          ...ownedRequest,
          'aws:RequestTag/topology.kubernetes.io/region': region,
        },
        StringLike: { ...ofNodeClass('ResourceTag'), ...ofNodeClass('RequestTag') },
      },
    },
    {
      sid: 'AllowScopedInstanceProfileActions',
      actions: [
        'iam:AddRoleToInstanceProfile',
        'iam:RemoveRoleFromInstanceProfile',
        'iam:DeleteInstanceProfile',
      ],
      resources: [instanceProfiles],
      conditions: {
        StringEquals: { ...ownedResource, 'aws:ResourceTag/topology.kubernetes.io/region': region },
        StringLike: ofNodeClass('ResourceTag'),
      },
    },
    {
      sid: 'AllowAPIServerEndpointDiscovery',
      actions: ['eks:DescribeCluster'],
      resources: [clusterArn],
    },
    {
      sid: 'AllowInterruptionQueueActions',
      actions: ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
      resources: [place.queueArn],
    },
    {
      sid: 'AllowZonalShiftStatusReadOnly',
      actions: ['arc-zonal-shift:GetManagedResource'],
      resources: ['*'],
      conditions: { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': clusterArn } },
    },
    {
      sid: 'AllowRegionalReadActions',
      actions: [
        'ec2:DescribeCapacityReservations',
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceStatus',
        'ec2:DescribeInstanceTypeOfferings',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplates',
        'ec2:DescribePlacementGroups',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSpotPriceHistory',
        'ec2:DescribeSubnets',
      ],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': region } },
    },
    {
      sid: 'AllowSSMReadActions',
      actions: ['ssm:GetParameter'],
      resources: [`arn:${partition}:ssm:${region}::parameter/aws/service/*`],
    },
    {
      sid: 'AllowPricingReadActions',
      actions: ['pricing:GetProducts'],
      resources: ['*'],
    },
    {
      sid: 'AllowUnscopedInstanceProfileListAction',
      actions: ['iam:ListInstanceProfiles'],
      resources: ['*'],
    },
    {
      sid: 'AllowInstanceProfileReadActions',
      actions: ['iam:GetInstanceProfile'],
      resources: [instanceProfiles],
    },
  ];
}
