import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EksClusterModel } from '../../src/model/eks.js';
import { NetworkStack } from '../../src/stacks/network/network-stack.js';
import { karpenterSubnetTags } from '../../src/stacks/runtime/eks/karpenter-names.js';
import { estimateCost } from '../../src/cost/estimate.js';
import { karpenterNodeEstimate } from '../../src/plan/controller-nodes.js';
import { usage } from '../cost/fixtures.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { megadollsLikeModel, PROD_ACCOUNT } from '../fixtures/models.js';
import { type Built, build, CLUSTER, ofType, statementsOf } from './eks-cluster-fixture.js';

const KARPENTER: EksClusterModel = { ...CLUSTER, nodes: 'karpenter' };

/** The one entry of `entries`; fails the test when there are none or several. */
function one<T>(entries: readonly T[]): T {
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

describe('the EKS cluster stack with Karpenter', () => {
  const built: Built[] = [];
  let prod: Built;
  beforeAll(() => {
    prod = build('prod', 'aws-managed', { cluster: KARPENTER });
    // Stage and encryption each both ways, in two builds: the full matrix is the base stack's test.
    built.push(prod, build('dev', 'customer-managed', { cluster: KARPENTER }));
  });
  afterAll(() => {
    for (const b of built) rmSync(b.outdir, { recursive: true, force: true });
  });

  it('keeps only the system pool as a managed node group', () => {
    for (const { template } of built) {
      const groups = ofType(template, 'AWS::EKS::Nodegroup').map(([, r]) => r.Properties?.['NodegroupName']);
      expect(groups).toEqual(['system']);
      expect(ofType(template, 'AWS::EC2::LaunchTemplate')).toHaveLength(1);
    }
  });

  it('has no custom resource and no Lambda function', () => {
    for (const { template } of built) {
      const types = Object.values(template.Resources ?? {}).map((r) => r.Type);
      expect(
        types.filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource'),
      ).toEqual([]);
      expect(types).not.toContain('AWS::Lambda::Function');
    }
  });

  it('passes cfn-lint, and the checks with Control Tower on leave nothing open', () => {
    const lint = lintTemplates(built.map((b) => b.templatePath));
    expect(lint.errors).toEqual([]);
    for (const { findings } of built) {
      expect(findings.filter((f) => !f.acknowledged).map((f) => `${f.rule} ${f.resource}`)).toEqual([]);
    }
  });

  it("gives the controller a Pod Identity role with the published policy, scoped to the cluster's tags", () => {
    const association = ofType(prod.template, 'AWS::EKS::PodIdentityAssociation').find(([id]) =>
      id.startsWith('Karpenter'),
    );
    expect(association?.[1].Properties).toMatchObject({
      Namespace: 'kube-system',
      ServiceAccount: 'karpenter',
    });
    const statements = statementsOf(prod, 'Karpenter');
    expect(statements.map((s) => s.Sid).sort()).toEqual(
      [
        'AllowAPIServerEndpointDiscovery',
        'AllowInstanceProfileReadActions',
        'AllowInterruptionQueueActions',
        'AllowPassingInstanceRole',
        'AllowPricingReadActions',
        'AllowRegionalReadActions',
        'AllowSSMReadActions',
        'AllowScopedDeletion',
        'AllowScopedEC2InstanceAccessActions',
        'AllowScopedEC2InstanceActionsWithTags',
        'AllowScopedEC2LaunchTemplateAccessActions',
        'AllowScopedInstanceProfileActions',
        'AllowScopedInstanceProfileCreationActions',
        'AllowScopedInstanceProfileTagActions',
        'AllowScopedResourceCreationTagging',
        'AllowScopedResourceTagging',
        'AllowUnscopedInstanceProfileListAction',
        'AllowZonalShiftStatusReadOnly',
      ].sort(),
    );
    const sid = (name: string) => statements.find((s) => s.Sid === name)!;
    expect(sid('AllowScopedDeletion').Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/kubernetes.io/cluster/megadolls-prod': 'owned' },
      StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
    });
    expect(sid('AllowScopedEC2InstanceActionsWithTags').Resource).toContain(
      `arn:aws:ec2:${prod.env.region}:${PROD_ACCOUNT}:instance/*`,
    );
    expect(sid('AllowPassingInstanceRole').Resource).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^KarpenterNodeRole/), 'Arn'],
    });
    expect(sid('AllowAPIServerEndpointDiscovery').Resource).toBe(
      `arn:aws:eks:${prod.env.region}:${PROD_ACCOUNT}:cluster/megadolls-prod`,
    );
    // One inline policy holds the six upstream policies; IAM allows 10,240 characters per role.
    const [, policy] = one(
      ofType(prod.template, 'AWS::IAM::Policy').filter(([id]) => id.startsWith('Karpenter')),
    );
    expect(JSON.stringify(policy.Properties?.['PolicyDocument']).length).toBeLessThan(10_240);
  });

  it("names the nodes' role, gives it the node policies and an EC2_LINUX access entry", () => {
    const [, role] = one(
      ofType(prod.template, 'AWS::IAM::Role').filter(([id]) => id.startsWith('KarpenterNodeRole')),
    );
    expect(role.Properties).toMatchObject({
      RoleName: 'megadolls-prod-karpenter-node',
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }],
      },
    });
    const policies = JSON.stringify(role.Properties?.['ManagedPolicyArns']);
    for (const name of [
      'AmazonEKSWorkerNodePolicy',
      'AmazonEKS_CNI_Policy',
      'AmazonEC2ContainerRegistryPullOnly',
    ]) {
      expect(policies).toContain(`:iam::aws:policy/${name}`);
    }
    const entries = ofType(prod.template, 'AWS::EKS::AccessEntry').filter(
      ([, r]) => r.Properties?.['Type'] === 'EC2_LINUX',
    );
    expect(entries.map(([, r]) => r.Properties?.['PrincipalArn'])).toEqual([
      { 'Fn::GetAtt': [expect.stringMatching(/^KarpenterNodeRole/), 'Arn'] },
    ]);
  });

  it('sends the four interruption events and capacity-reservation warnings to a fixed, encrypted queue', () => {
    const template = Template.fromJSON(prod.template as Record<string, unknown>);
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'megadolls-prod-karpenter',
      MessageRetentionPeriod: 300,
      SqsManagedSseEnabled: true,
    });
    const [queueId] = one(ofType(prod.template, 'AWS::SQS::Queue'));
    const rules = ofType(prod.template, 'AWS::Events::Rule').map(([, r]) => r.Properties ?? {});
    expect(
      rules.map((r) => (r['EventPattern'] as { 'detail-type': string[] })['detail-type'][0]).sort(),
    ).toEqual([
      'AWS Health Event',
      'EC2 Capacity Reservation Instance Interruption Warning',
      'EC2 Instance Rebalance Recommendation',
      'EC2 Instance State-change Notification',
      'EC2 Spot Instance Interruption Warning',
    ]);
    for (const rule of rules) {
      expect(rule['Targets']).toEqual([
        { Id: 'KarpenterInterruptionQueueTarget', Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      ]);
    }
    const [, queuePolicy] = one(ofType(prod.template, 'AWS::SQS::QueuePolicy'));
    const statements = (
      queuePolicy.Properties?.['PolicyDocument'] as { Statement: Record<string, unknown>[] }
    ).Statement;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
          Condition: { StringEquals: { 'aws:SourceAccount': PROD_ACCOUNT } },
        }),
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    );
  });

  it('prices the system node group from the template and the Karpenter pools from the model, leaving nothing unpriced', () => {
    const dev = built[1]!;
    const karpenterNodes = karpenterNodeEstimate({ ...dev.env, eks: KARPENTER });
    expect(karpenterNodes).toBeDefined();
    const lines = estimateCost(
      [
        {
          name: 'megadolls-dev-cluster',
          environment: 'dev',
          templatePath: dev.templatePath,
          template: dev.template,
        },
        karpenterNodes!,
      ],
      { region: 'us-east-1', usage: usage() },
    );
    expect(lines.filter((l) => l.unpriced).map((l) => l.basis)).toEqual([]);
    const nodes = lines.filter((l) => l.driver === 'EKS nodes').map((l) => l.basis);
    // The system group's instances and volumes, then the workload pool's: 2 Spot m7g.large, 2 × 20 GB gp3.
    expect(nodes).toHaveLength(4);
    expect(nodes[2]).toMatch(/^2 × m7g\.large .*Spot/);
    expect(nodes[3]).toMatch(/^2 × 20 GB gp3/);
    expect(karpenterNodeEstimate({ ...dev.env, eks: CLUSTER })).toBeUndefined();
  });

  it('adds nothing of Karpenter when the cluster uses managed node groups', () => {
    const managed = build('dev', 'aws-managed');
    built.push(managed);
    expect(ofType(managed.template, 'AWS::EKS::Nodegroup')).toHaveLength(2);
    expect(ofType(managed.template, 'AWS::SQS::Queue')).toEqual([]);
    expect(ofType(managed.template, 'AWS::Events::Rule')).toEqual([]);
  });
});

describe("Karpenter's subnet selector", () => {
  it("names the network stack's private subnets by the Name tag CDK gives them", () => {
    const model = megadollsLikeModel();
    const env = model.environments.find((e) => e.name === 'dev')!;
    const stack = new NetworkStack(new App(), { model, environment: env });
    const names = Object.values(Template.fromStack(stack).findResources('AWS::EC2::Subnet')).map(
      (subnet) =>
        (subnet['Properties'] as { Tags: { Key: string; Value: string }[] }).Tags.find(
          (t) => t.Key === 'Name',
        )?.Value,
    );
    const selected = karpenterSubnetTags(model.app, env.name, env.availabilityZones.length).map(
      (t) => t['Name'],
    );
    expect(selected.length).toBe(env.availabilityZones.length);
    for (const name of selected) expect(names).toContain(name);
    expect(selected.every((name) => name!.includes('/Vpc/private'))).toBe(true);
  });
});
