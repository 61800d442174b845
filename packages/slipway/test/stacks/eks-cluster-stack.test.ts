import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import type { CfnResource } from '../../src/template/types.js';
import { usage } from '../cost/fixtures.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { type Built, build, CLUSTER, ofType } from './eks-cluster-fixture.js';

describe('the EKS cluster stack', () => {
  const built: Built[] = [];
  let prod: Built;
  beforeAll(() => {
    prod = build('prod', 'aws-managed');
    built.push(
      prod,
      build('dev', 'aws-managed'),
      build('prod', 'customer-managed'),
      build('dev', 'customer-managed'),
    );
  });
  afterAll(() => {
    for (const b of built) rmSync(b.outdir, { recursive: true, force: true });
  });

  it('has no custom resource and no Lambda function (no kubectl provider)', () => {
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

  it('logs every control-plane log type, stays on standard support, and gives admin only to the listed roles', () => {
    const [[, cluster]] = ofType(prod.template, 'AWS::EKS::Cluster') as [[string, CfnResource]];
    expect(cluster.Properties).toMatchObject({
      Name: 'megadolls-prod',
      Version: '1.35',
      UpgradePolicy: { SupportType: 'STANDARD' },
      AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false },
      Logging: {
        ClusterLogging: {
          EnabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((Type) => ({
            Type,
          })),
        },
      },
      ResourcesVpcConfig: {
        EndpointPrivateAccess: true,
        EndpointPublicAccess: true,
        PublicAccessCidrs: ['203.0.113.0/24'],
      },
    });
    const clusterWide = ofType(prod.template, 'AWS::EKS::AccessEntry')
      .map(([, r]) => r.Properties)
      .filter((entry) => JSON.stringify(entry?.['AccessPolicies']).includes('"Type":"cluster"'));
    expect(clusterWide).toEqual([
      expect.objectContaining({
        PrincipalArn: CLUSTER.admins[0],
        AccessPolicies: [expect.objectContaining({ AccessScope: { Type: 'cluster' } })],
      }),
    ]);
  });

  it('keeps the endpoint private when no CIDR is listed', () => {
    const privateOnly = build('dev', 'aws-managed', { cluster: { ...CLUSTER, publicEndpointCidrs: [] } });
    built.push(privateOnly);
    const [[, cluster]] = ofType(privateOnly.template, 'AWS::EKS::Cluster') as [[string, CfnResource]];
    expect(cluster.Properties?.['ResourcesVpcConfig']).toMatchObject({
      EndpointPrivateAccess: true,
      EndpointPublicAccess: false,
    });
  });

  it('runs each pool as a managed node group on IMDSv2 with a hop limit of 1, Spot tainted', () => {
    const groups = ofType(prod.template, 'AWS::EKS::Nodegroup').map(([, r]) => r.Properties ?? {});
    expect(groups.map((g) => [g['NodegroupName'], g['CapacityType'], g['AmiType']])).toEqual([
      ['system', 'ON_DEMAND', 'AL2023_ARM_64_STANDARD'],
      ['workload', 'SPOT', 'AL2023_ARM_64_STANDARD'],
    ]);
    expect(groups[1]?.['Taints']).toEqual([{ Key: 'slipway/spot', Value: 'true', Effect: 'NO_SCHEDULE' }]);
    for (const [, template] of ofType(prod.template, 'AWS::EC2::LaunchTemplate')) {
      expect(template.Properties?.['LaunchTemplateData']).toMatchObject({
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
        Monitoring: { Enabled: true },
      });
    }
  });

  it('installs the base add-ons after the node groups, overwriting hand edits, with network policies enforced', () => {
    const addons = ofType(prod.template, 'AWS::EKS::Addon');
    expect(addons.map(([, r]) => r.Properties?.['AddonName']).sort()).toEqual([
      'coredns',
      'eks-pod-identity-agent',
      'kube-proxy',
      'metrics-server',
      'vpc-cni',
    ]);
    const cni = addons.find(([, r]) => r.Properties?.['AddonName'] === 'vpc-cni')?.[1];
    expect(JSON.parse(String(cni?.Properties?.['ConfigurationValues']))).toEqual({
      enableNetworkPolicy: 'true',
    });
    const groupIds = ofType(prod.template, 'AWS::EKS::Nodegroup').map(([id]) => id);
    for (const [, addon] of addons) {
      expect(addon.Properties?.['ResolveConflicts']).toBe('OVERWRITE');
      expect(addon.DependsOn).toEqual(expect.arrayContaining(groupIds));
    }
  });

  it("encrypts Kubernetes secrets with the environment's own cluster key only when asked", () => {
    const customer = built[2]!;
    const [[, cluster]] = ofType(customer.template, 'AWS::EKS::Cluster') as [[string, CfnResource]];
    expect(JSON.stringify(cluster.Properties?.['EncryptionConfig'])).toContain('ClusterKey');
    expect(ofType(customer.template, 'AWS::KMS::Key')).toHaveLength(1);
    expect(ofType(prod.template, 'AWS::KMS::Key')).toHaveLength(0);
  });

  it('prices the control plane at standard support (about $73 a month) and the node groups by their pools', () => {
    const lines = estimateCost(
      [
        {
          name: 'megadolls-prod-cluster',
          environment: 'prod',
          templatePath: prod.templatePath,
          template: prod.template,
        },
      ],
      { region: 'us-east-1', usage: usage() },
    );
    const controlPlane = lines.find((l) => l.driver === 'EKS');
    // 730 h × $0.10, the hand calculation the EKS runtime's estimate starts from.
    expect(controlPlane?.usd).toBeCloseTo(73, 6);
    expect(controlPlane?.basis).not.toContain('extended support allowed');
    // Instances and root volumes of both pools; test/cost/eks-nodes.test.ts checks the figures.
    const nodeGroups = lines.filter((l) => l.type === 'AWS::EKS::Nodegroup');
    expect(nodeGroups).toHaveLength(4);
    expect(lines.filter((l) => l.unpriced)).toEqual([]);
  });

  it('names an unknown Kubernetes version with the field and the fix', () => {
    expect(() => build('dev', 'aws-managed', { cluster: { ...CLUSTER, version: '34' } })).toThrow(
      /environments\.dev\.eks\.version: "34" is not a Kubernetes minor version.*1\.34/,
    );
  });
});
