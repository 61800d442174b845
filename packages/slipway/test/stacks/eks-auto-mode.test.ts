import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import type { EksClusterModel } from '../../src/model/eks.js';
import { karpenterNodeEstimate } from '../../src/plan/controller-nodes.js';
import { usage } from '../cost/fixtures.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { type Built, build, CLUSTER, ofType } from './eks-cluster-fixture.js';

const AUTO: EksClusterModel = { ...CLUSTER, nodes: 'auto' };

const managedPolicyNames = (role: { Properties?: Record<string, unknown> } | undefined): string[] =>
  ((role?.Properties?.['ManagedPolicyArns'] as unknown[] | undefined) ?? []).map((arn) => {
    const text = JSON.stringify(arn);
    return /policy\/([A-Za-z0-9_]+)/.exec(text)?.[1] ?? text;
  });

describe('the EKS cluster stack with Auto Mode', () => {
  const built: Built[] = [];
  let prod: Built;
  beforeAll(() => {
    prod = build('prod', 'aws-managed', { cluster: AUTO });
    // Stage and encryption each both ways, in two builds: the full matrix is the base stack's test.
    built.push(prod, build('dev', 'customer-managed', { cluster: AUTO }));
  });
  afterAll(() => {
    for (const b of built) rmSync(b.outdir, { recursive: true, force: true });
  });

  const cluster = (b: Built) => ofType(b.template, 'AWS::EKS::Cluster')[0]![1].Properties ?? {};

  it('turns compute, block storage and load balancing on together, with the built-in system pool', () => {
    for (const b of built) {
      const props = cluster(b);
      expect(props['ComputeConfig']).toMatchObject({ Enabled: true, NodePools: ['system'] });
      expect((props['ComputeConfig'] as Record<string, unknown>)['NodeRoleArn']).toBeDefined();
      expect(props['StorageConfig']).toEqual({ BlockStorage: { Enabled: true } });
      expect(props['KubernetesNetworkConfig']).toMatchObject({ ElasticLoadBalancing: { Enabled: true } });
    }
  });

  it('gives the node role the Auto Mode node policies and the cluster role the Auto Mode policies and TagSession', () => {
    const props = cluster(prod);
    const nodeRoleId = JSON.stringify((props['ComputeConfig'] as Record<string, unknown>)['NodeRoleArn']);
    const [, nodeRole] = ofType(prod.template, 'AWS::IAM::Role').find(([id]) => nodeRoleId.includes(id))!;
    expect(managedPolicyNames(nodeRole).sort()).toEqual([
      'AmazonEC2ContainerRegistryPullOnly',
      'AmazonEKSWorkerNodeMinimalPolicy',
    ]);
    const clusterRoleId = JSON.stringify(props['RoleArn']);
    const [, clusterRole] = ofType(prod.template, 'AWS::IAM::Role').find(([id]) =>
      clusterRoleId.includes(id),
    )!;
    expect(managedPolicyNames(clusterRole).sort()).toEqual([
      'AmazonEKSBlockStoragePolicy',
      'AmazonEKSClusterPolicy',
      'AmazonEKSComputePolicy',
      'AmazonEKSLoadBalancingPolicy',
      'AmazonEKSNetworkingPolicy',
    ]);
    const trust = JSON.stringify(clusterRole.Properties?.['AssumeRolePolicyDocument']);
    expect(trust).toContain('sts:TagSession');
  });

  it('declares no node group, none of the add-ons Auto Mode runs, and no load balancer controller or Karpenter', () => {
    for (const { template } of built) {
      expect(ofType(template, 'AWS::EKS::Nodegroup')).toEqual([]);
      expect(ofType(template, 'AWS::EC2::LaunchTemplate')).toEqual([]);
      const addons = ofType(template, 'AWS::EKS::Addon').map(([, r]) => r.Properties?.['AddonName']);
      for (const builtIn of ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent']) {
        expect(addons).not.toContain(builtIn);
      }
      const accounts = ofType(template, 'AWS::EKS::PodIdentityAssociation').map(
        ([, r]) => r.Properties?.['ServiceAccount'],
      );
      expect(accounts).not.toContain('aws-load-balancer-controller');
      expect(accounts).not.toContain('karpenter');
      expect(ofType(template, 'AWS::SQS::Queue')).toEqual([]);
      // EKS makes the nodes' access entry itself when Auto Mode is on.
      const entryTypes = ofType(template, 'AWS::EKS::AccessEntry').map(([, r]) => r.Properties?.['Type']);
      expect(entryTypes).not.toContain('EC2');
      expect(entryTypes).not.toContain('EC2_LINUX');
    }
  });

  it('has no custom resource, passes cfn-lint, and leaves nothing open with Control Tower on', () => {
    for (const { template } of built) {
      const types = Object.values(template.Resources ?? {}).map((r) => r.Type);
      expect(
        types.filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource'),
      ).toEqual([]);
      expect(types).not.toContain('AWS::Lambda::Function');
    }
    const lint = lintTemplates(built.map((b) => b.templatePath));
    expect(lint.errors).toEqual([]);
    for (const { findings } of built) {
      expect(findings.filter((f) => !f.acknowledged).map((f) => `${f.rule} ${f.resource}`)).toEqual([]);
    }
  });

  it('prices every pool as declared, with the Auto Mode fee as a line of its own', () => {
    const dev = built[1]!;
    const nodes = karpenterNodeEstimate({ ...dev.env, eks: AUTO });
    expect(nodes?.name).toContain('EKS Auto Mode nodes');
    const lines = estimateCost([nodes!], { region: 'us-east-1', usage: usage() });
    expect(lines.filter((l) => l.unpriced).map((l) => l.basis)).toEqual([]);
    const fees = lines.filter((l) => l.basis.startsWith('EKS Auto Mode fee'));
    expect(fees).toHaveLength(2);
    const instances = lines.filter(
      (l) => l.basis.includes('on-demand') && !l.basis.startsWith('EKS Auto Mode fee'),
    );
    // The system pool's two t4g.medium on demand: the fee is 12 % of their on-demand price.
    const systemFee = fees.find((l) => l.resource.includes('system'))!;
    const systemInstances = instances.find((l) => l.resource.includes('system'))!;
    expect(systemFee.usd).toBeCloseTo(systemInstances.usd * 0.12, 6);
    expect(systemFee.basis).toContain('unverified');
    // A Spot pool pays the fee on the on-demand price: more than 12 % of what its Spot nodes cost.
    const spotFee = fees.find((l) => l.resource.includes('workload'))!;
    expect(spotFee.usd).toBeGreaterThan(0);
    expect(lines.some((l) => l.basis.includes('80 GB gp3'))).toBe(true);
  });

  it('leaves the managed output as it was', () => {
    const managed = build('dev', 'aws-managed');
    built.push(managed);
    const props = cluster(managed);
    expect(props['ComputeConfig']).toMatchObject({ Enabled: false });
    expect(ofType(managed.template, 'AWS::EKS::Nodegroup')).toHaveLength(2);
    const addons = ofType(managed.template, 'AWS::EKS::Addon').map(([, r]) => r.Properties?.['AddonName']);
    expect(addons).toEqual(
      expect.arrayContaining(['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent']),
    );
    expect(karpenterNodeEstimate({ ...managed.env, eks: CLUSTER })).toBeUndefined();
  });
});
