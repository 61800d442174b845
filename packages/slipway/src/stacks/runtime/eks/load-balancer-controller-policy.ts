import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * The AWS Load Balancer Controller's IAM policy as the project publishes it
 * (kubernetes-sigs/aws-load-balancer-controller, docs/install/iam_policy.json at v2.17.1; unchanged
 * through v3.5.0), statement for statement. Two changes: ARNs name the environment's partition,
 * region and account instead of `aws:*:*` (narrower, and right outside the `aws` partition), and
 * each statement has a Sid saying what it is for. When upgrading the controller, compare this list
 * with that release's file.
 */

/** The account and region the controller manages load balancers in. */
export interface ControllerPlace {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** The tag the controller puts on everything it creates, naming the cluster that owns it. */
const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';
/** The request carries the cluster tag: the controller is creating (or tagging) its own resource. */
const TAGGED_REQUEST = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' } };
/** The resource carries the cluster tag: the controller made it. */
const OWN_RESOURCE = { Null: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } };
/** Retagging what the controller made, without touching the cluster tag itself. */
const OWN_RESOURCE_KEEPING_ITS_TAG = {
  Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' },
};

type Conditions = Record<string, Record<string, unknown>>;

interface ControllerStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  /** `*` where the actions take no resource ARN or the resource does not exist yet. */
  readonly resources: (arn: (service: string, resource: string) => string) => readonly string[];
  readonly conditions?: Conditions;
}

const ANY = () => ['*'];
const SECURITY_GROUPS = (arn: (s: string, r: string) => string) => [arn('ec2', 'security-group/*')];
const BALANCERS_AND_TARGET_GROUPS = (arn: (s: string, r: string) => string) => [
  arn('elasticloadbalancing', 'targetgroup/*/*'),
  arn('elasticloadbalancing', 'loadbalancer/net/*/*'),
  arn('elasticloadbalancing', 'loadbalancer/app/*/*'),
];

const STATEMENTS: readonly ControllerStatement[] = [
  {
    sid: 'CreateLoadBalancingServiceLinkedRole',
    actions: ['iam:CreateServiceLinkedRole'],
    resources: ANY,
    conditions: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
  },
  {
    sid: 'DescribeNetworkAndLoadBalancers',
    actions: [
      'ec2:DescribeAccountAttributes',
      'ec2:DescribeAddresses',
      'ec2:DescribeAvailabilityZones',
      'ec2:DescribeInternetGateways',
      'ec2:DescribeVpcs',
      'ec2:DescribeVpcPeeringConnections',
      'ec2:DescribeSubnets',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeInstances',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeTags',
      'ec2:GetCoipPoolUsage',
      'ec2:DescribeCoipPools',
      'ec2:GetSecurityGroupsForVpc',
      'ec2:DescribeIpamPools',
      'ec2:DescribeRouteTables',
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeLoadBalancerAttributes',
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:DescribeListenerCertificates',
      'elasticloadbalancing:DescribeSSLPolicies',
      'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:DescribeTargetGroups',
      'elasticloadbalancing:DescribeTargetGroupAttributes',
      'elasticloadbalancing:DescribeTargetHealth',
      'elasticloadbalancing:DescribeTags',
      'elasticloadbalancing:DescribeTrustStores',
      'elasticloadbalancing:DescribeListenerAttributes',
      'elasticloadbalancing:DescribeCapacityReservation',
    ],
    resources: ANY,
  },
  {
    sid: 'UseCertificatesFirewallsAndShield',
    actions: [
      'cognito-idp:DescribeUserPoolClient',
      'acm:ListCertificates',
      'acm:DescribeCertificate',
      'iam:ListServerCertificates',
      'iam:GetServerCertificate',
      'waf-regional:GetWebACL',
      'waf-regional:GetWebACLForResource',
      'waf-regional:AssociateWebACL',
      'waf-regional:DisassociateWebACL',
      'wafv2:GetWebACL',
      'wafv2:GetWebACLForResource',
      'wafv2:AssociateWebACL',
      'wafv2:DisassociateWebACL',
      'shield:GetSubscriptionState',
      'shield:DescribeProtection',
      'shield:CreateProtection',
      'shield:DeleteProtection',
    ],
    resources: ANY,
  },
  {
    sid: 'OpenNodesToLoadBalancers',
    actions: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
    resources: ANY,
  },
  { sid: 'CreateSecurityGroups', actions: ['ec2:CreateSecurityGroup'], resources: ANY },
  {
    sid: 'TagNewSecurityGroups',
    actions: ['ec2:CreateTags'],
    resources: SECURITY_GROUPS,
    conditions: { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' }, ...TAGGED_REQUEST },
  },
  {
    sid: 'RetagOwnSecurityGroups',
    actions: ['ec2:CreateTags', 'ec2:DeleteTags'],
    resources: SECURITY_GROUPS,
    conditions: OWN_RESOURCE_KEEPING_ITS_TAG,
  },
  {
    sid: 'ManageOwnSecurityGroups',
    actions: [
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:RevokeSecurityGroupIngress',
      'ec2:DeleteSecurityGroup',
    ],
    resources: ANY,
    conditions: OWN_RESOURCE,
  },
  {
    sid: 'CreateTaggedLoadBalancers',
    actions: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
    resources: ANY,
    conditions: TAGGED_REQUEST,
  },
  {
    sid: 'ManageListenersAndRules',
    actions: [
      'elasticloadbalancing:CreateListener',
      'elasticloadbalancing:DeleteListener',
      'elasticloadbalancing:CreateRule',
      'elasticloadbalancing:DeleteRule',
    ],
    resources: ANY,
  },
  {
    sid: 'RetagOwnLoadBalancers',
    actions: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    resources: BALANCERS_AND_TARGET_GROUPS,
    conditions: OWN_RESOURCE_KEEPING_ITS_TAG,
  },
  {
    sid: 'TagListenersAndRules',
    actions: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    resources: (arn) => [
      arn('elasticloadbalancing', 'listener/net/*/*/*'),
      arn('elasticloadbalancing', 'listener/app/*/*/*'),
      arn('elasticloadbalancing', 'listener-rule/net/*/*/*'),
      arn('elasticloadbalancing', 'listener-rule/app/*/*/*'),
    ],
  },
  {
    sid: 'ModifyOwnLoadBalancers',
    actions: [
      'elasticloadbalancing:ModifyLoadBalancerAttributes',
      'elasticloadbalancing:SetIpAddressType',
      'elasticloadbalancing:SetSecurityGroups',
      'elasticloadbalancing:SetSubnets',
      'elasticloadbalancing:DeleteLoadBalancer',
      'elasticloadbalancing:ModifyTargetGroup',
      'elasticloadbalancing:ModifyTargetGroupAttributes',
      'elasticloadbalancing:DeleteTargetGroup',
      'elasticloadbalancing:ModifyListenerAttributes',
      'elasticloadbalancing:ModifyCapacityReservation',
      'elasticloadbalancing:ModifyIpPools',
    ],
    resources: ANY,
    conditions: OWN_RESOURCE,
  },
  {
    sid: 'TagLoadBalancersOnCreate',
    actions: ['elasticloadbalancing:AddTags'],
    resources: BALANCERS_AND_TARGET_GROUPS,
    conditions: {
      StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'] },
      ...TAGGED_REQUEST,
    },
  },
  {
    sid: 'RegisterTargets',
    actions: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
    resources: (arn) => [arn('elasticloadbalancing', 'targetgroup/*/*')],
  },
  {
    sid: 'ModifyListenersAndRules',
    actions: [
      'elasticloadbalancing:SetWebAcl',
      'elasticloadbalancing:ModifyListener',
      'elasticloadbalancing:AddListenerCertificates',
      'elasticloadbalancing:RemoveListenerCertificates',
      'elasticloadbalancing:ModifyRule',
      'elasticloadbalancing:SetRulePriorities',
    ],
    resources: ANY,
  },
];

/** The controller's statements for load balancers in `place`. */
export function loadBalancerControllerStatements(place: ControllerPlace): iam.PolicyStatement[] {
  const arn = (service: string, resource: string) =>
    `arn:${place.partition}:${service}:${place.region}:${place.account}:${resource}`;
  return STATEMENTS.map(
    (statement) =>
      new iam.PolicyStatement({
        sid: statement.sid,
        actions: [...statement.actions],
        resources: [...statement.resources(arn)],
        ...(statement.conditions === undefined ? {} : { conditions: statement.conditions }),
      }),
  );
}
