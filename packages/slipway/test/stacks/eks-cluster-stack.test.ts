import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings } from '../../src/checks/collect-findings.js';
import { estimateCost } from '../../src/cost/estimate.js';
import type { Finding } from '../../src/checks/finding.js';
import type { EksClusterModel } from '../../src/model/eks.js';
import type { AppModel, Encryption } from '../../src/model/types.js';
import { ClusterStack } from '../../src/stacks/runtime/eks/cluster-stack.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { usage } from '../cost/fixtures.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { lintTemplates } from '../support/cfn-lint.js';

/** A system pool on demand and a tainted Spot pool for workloads, as the EKS runtime plans them. */
const CLUSTER: EksClusterModel = {
  version: '1.34',
  publicEndpointCidrs: ['203.0.113.0/24'],
  admins: ['arn:aws:iam::222222222222:role/platform-admin'],
  nodePools: [
    {
      name: 'system',
      capacity: 'on-demand',
      architecture: 'arm64',
      instanceTypes: ['t4g.medium'],
      minSize: 2,
      maxSize: 3,
      desiredSize: 2,
      labels: { 'slipway/pool': 'system' },
      taints: [],
    },
    {
      name: 'workload',
      capacity: 'spot',
      architecture: 'arm64',
      instanceTypes: ['m7g.large', 'm6g.large'],
      minSize: 1,
      maxSize: 6,
      desiredSize: 2,
      labels: { 'slipway/pool': 'workload' },
      taints: [{ key: 'slipway/spot', value: 'true', effect: 'NoSchedule' }],
    },
  ],
};

interface Built {
  readonly template: CfnTemplate;
  readonly templatePath: string;
  readonly findings: Finding[];
  readonly outdir: string;
}

function build(envName: 'dev' | 'prod', encryption: Encryption, cluster: EksClusterModel = CLUSTER): Built {
  const base = megadollsLikeModel();
  const model: AppModel = {
    ...base,
    checks: { controlTower: true },
    environments: base.environments.map((e) => ({ ...e, encryption })),
  };
  const env = model.environments.find((e) => e.name === envName)!;
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-eks-'));
  const app = new App({ outdir });
  const stack = new ClusterStack(app, { model, environment: env, cluster });
  const artifact = app.synth().getStackByName(stack.stackName);
  const templatePath = path.join(outdir, artifact.templateFile);
  const template = artifact.template as CfnTemplate;
  const findings = collectFindings({
    app,
    stacks: [{ name: stack.stackName, environment: env.name, templatePath, template }],
    model,
  });
  return { template, templatePath, findings, outdir };
}

const ofType = (template: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === type);

describe('the EKS cluster stack', () => {
  const built: Built[] = [];
  let prod: Built;
  beforeAll(() => {
    prod = build('prod', 'aws-managed');
    built.push(prod, build('dev', 'aws-managed'), build('prod', 'customer-managed'));
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
      Version: '1.34',
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
    const entries = ofType(prod.template, 'AWS::EKS::AccessEntry').map(([, r]) => r.Properties);
    expect(entries).toEqual([
      expect.objectContaining({
        PrincipalArn: CLUSTER.admins[0],
        AccessPolicies: [expect.objectContaining({ AccessScope: { Type: 'cluster' } })],
      }),
    ]);
  });

  it('keeps the endpoint private when no CIDR is listed', () => {
    const privateOnly = build('dev', 'aws-managed', { ...CLUSTER, publicEndpointCidrs: [] });
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

  it('installs the four base add-ons after the node groups, overwriting hand edits', () => {
    const addons = ofType(prod.template, 'AWS::EKS::Addon');
    expect(addons.map(([, r]) => r.Properties?.['AddonName']).sort()).toEqual([
      'coredns',
      'eks-pod-identity-agent',
      'kube-proxy',
      'vpc-cni',
    ]);
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

  it('gives each service a role only Pod Identity may assume, for its own service account', () => {
    const associations = ofType(prod.template, 'AWS::EKS::PodIdentityAssociation').map(
      ([, r]) => r.Properties,
    );
    expect(associations.map((a) => [a?.['Namespace'], a?.['ServiceAccount']]).sort()).toEqual([
      ['megadolls', 'pgadmin'],
      ['megadolls', 'web'],
    ]);
    const roles = ofType(prod.template, 'AWS::IAM::Role').filter(([id]) => /^Service.*Identity/.test(id));
    expect(roles).toHaveLength(2);
    for (const [, role] of roles) {
      const trust = JSON.stringify(role.Properties?.['AssumeRolePolicyDocument']);
      expect(trust).toContain('pods.eks.amazonaws.com');
      expect(trust).toContain('sts:AssumeRole');
      expect(trust).toContain('sts:TagSession');
    }
  });

  it('lets a service sign in to its database and read its own secrets, nothing else', () => {
    const statementsOf = (built: Built, service: string) =>
      ofType(built.template, 'AWS::IAM::Policy')
        .filter(([id]) => id.startsWith(`Service${service}Identity`))
        .flatMap(
          ([, p]) => (p.Properties?.['PolicyDocument'] as { Statement: { Sid?: string }[] }).Statement,
        );
    const sids = (built: Built, service: string) =>
      statementsOf(built, service)
        .map((s) => s.Sid)
        .sort();
    expect(sids(prod, 'Web')).toEqual(['ConnectAsAppUser', 'ReadDeclaredParameters']);
    expect(sids(prod, 'Pgadmin')).toEqual(['ReadDeclaredSecrets']);
    // With the environment's own data key, the secret is decrypted through Secrets Manager only.
    const customer = built[2]!;
    expect(sids(customer, 'Pgadmin')).toEqual(['DecryptDeclaredSecrets', 'ReadDeclaredSecrets']);
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
    expect(() => build('dev', 'aws-managed', { ...CLUSTER, version: '34' })).toThrow(
      /environments\.dev\.eks\.version: "34" is not a Kubernetes minor version.*1\.34/,
    );
  });
});
