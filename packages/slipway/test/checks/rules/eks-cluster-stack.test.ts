import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings } from '../../../src/checks/collect-findings.js';
import type { Finding } from '../../../src/checks/finding.js';
import { runRules } from '../../../src/checks/rules/run-rules.js';
import type { EksClusterModel } from '../../../src/model/eks.js';
import type { AppModel } from '../../../src/model/types.js';
import { ClusterStack } from '../../../src/stacks/runtime/eks/cluster-stack.js';
import type { CfnResource, CfnTemplate, SynthesizedStack } from '../../../src/template/types.js';
import { megadollsLikeModel } from '../../fixtures/models.js';
import { clusterModel } from '../../fixtures/eks-cluster.js';

/** The cluster as the EKS runtime plans it: an on-demand system pool and a Spot workload pool. */
const CLUSTER: EksClusterModel = clusterModel({
  publicEndpointCidrs: ['203.0.113.0/24'],
  admins: ['arn:aws:iam::222222222222:role/platform-admin'],
});

interface Built {
  readonly stack: SynthesizedStack;
  readonly production: boolean;
  /** Every finding of the stack, Control Tower left to the cluster stack's own test. */
  readonly findings: Finding[];
  readonly outdir: string;
}

function build(envName: 'dev' | 'prod', cluster: EksClusterModel = CLUSTER): Built {
  const base = megadollsLikeModel();
  const model: AppModel = { ...base, checks: { controlTower: false } };
  const env = model.environments.find((e) => e.name === envName)!;
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-eks-rules-'));
  const app = new App({ outdir });
  const clusterStack = new ClusterStack(app, { model, environment: env, cluster });
  const artifact = app.synth().getStackByName(clusterStack.stackName);
  const stack: SynthesizedStack = {
    name: clusterStack.stackName,
    environment: env.name,
    templatePath: path.join(outdir, artifact.templateFile),
    template: artifact.template as CfnTemplate,
  };
  const findings = collectFindings({ app, stacks: [stack], model });
  return { stack, production: env.production, findings, outdir };
}

const eksRule = (finding: Pick<Finding, 'rule'>) => finding.rule.startsWith('Slipway-EKS');

/** The stack's template with one resource's properties changed, as an override or escape hatch would. */
function broken(
  built: Built,
  type: string,
  change: (properties: Record<string, unknown>) => void,
): Finding[] {
  const template = structuredClone(built.stack.template) as { Resources: Record<string, CfnResource> };
  const [logicalId, resource] = Object.entries(template.Resources).find(([, r]) => r.Type === type)!;
  const properties = { ...resource.Properties };
  change(properties);
  template.Resources[logicalId] = { ...resource, Properties: properties };
  return runRules([{ ...built.stack, template }], () => built.production).filter(eksRule);
}

describe("Slipway's EKS rules on the cluster stack", () => {
  const built: Built[] = [];
  let prod: Built;
  beforeAll(() => {
    prod = build('prod');
    built.push(prod, build('dev'), build('dev', { ...CLUSTER, publicEndpointCidrs: [] }));
  });
  afterAll(() => {
    for (const b of built) rmSync(b.outdir, { recursive: true, force: true });
  });

  it('stay quiet on the stack as Slipway builds it, in production, in dev and with a private endpoint', () => {
    for (const b of built) {
      expect(b.findings.filter(eksRule)).toEqual([]);
      expect(runRules([b.stack], () => b.production).filter(eksRule)).toEqual([]);
    }
  });

  it('name the environment’s config field when the template is changed behind the config', () => {
    const open = broken(prod, 'AWS::EKS::Cluster', (p) => {
      p['ResourcesVpcConfig'] = { ...(p['ResourcesVpcConfig'] as object), PublicAccessCidrs: ['0.0.0.0/0'] };
    });
    expect(open.map((f) => [f.rule, f.level])).toEqual([['Slipway-EKS1', 'error']]);
    expect(open[0]?.message).toContain(
      'Found: cluster megadolls-prod has EndpointPublicAccess true and PublicAccessCidrs includes 0.0.0.0/0; ' +
        "list the admins' and CI's ranges in environments.prod.eks.publicEndpointCidrs",
    );

    const extended = broken(prod, 'AWS::EKS::Cluster', (p) => delete p['UpgradePolicy']);
    expect(extended.map((f) => f.rule)).toEqual(['Slipway-EKS4']);
    expect(extended[0]?.message).toContain('environments.prod.eks.version');

    const unlogged = broken(prod, 'AWS::EKS::Cluster', (p) => delete p['Logging']);
    expect(unlogged.map((f) => [f.rule, f.level])).toEqual([['Slipway-EKS2', 'error']]);
    const devUnlogged = broken(built[1]!, 'AWS::EKS::Cluster', (p) => delete p['Logging']);
    expect(devUnlogged.map((f) => [f.rule, f.level])).toEqual([['Slipway-EKS3', 'warning']]);
  });

  it('catch a node group moved to the public subnets or off its launch template', () => {
    const publicSubnets = structuredClone(prod.stack.template) as {
      Resources: Record<string, CfnResource>;
      Parameters: Record<string, { Default: string }>;
    };
    for (const parameter of Object.values(publicSubnets.Parameters)) {
      parameter.Default = parameter.Default.replace('/network/private-subnet-', '/network/public-subnet-');
    }
    const exposed = runRules([{ ...prod.stack, template: publicSubnets }], () => true).filter(eksRule);
    expect(exposed.map((f) => f.rule)).toEqual(['Slipway-EKS5', 'Slipway-EKS5']);
    expect(exposed[0]?.message).toContain(
      'node group system uses public subnets /megadolls/prod/network/public-subnet-1-id',
    );

    const defaults = broken(prod, 'AWS::EKS::Nodegroup', (p) => delete p['LaunchTemplate']);
    expect(defaults.map((f) => f.rule)).toEqual(['Slipway-EKS6']);
    expect(defaults[0]?.message).toContain('environments.prod.eks.nodePools');
  });

  it('catch an admin entry widened to a wildcard role', () => {
    const wildcard = broken(prod, 'AWS::EKS::AccessEntry', (p) => {
      p['PrincipalArn'] = 'arn:aws:iam::222222222222:role/*';
    });
    expect(wildcard.map((f) => f.rule)).toEqual(['Slipway-EKS7']);
    expect(wildcard[0]?.message).toContain('granted AmazonEKSClusterAdminPolicy');
    expect(wildcard[0]?.message).toContain('environments.prod.eks.admins');
  });

  it("leaves cdk-nag's EKS rules silent: they recognize aws-eks's CfnCluster, not aws-eks-v2's", () => {
    // cdk-nag's AwsSolutions-EKS1 (public endpoint) and EKS2 (control-plane logs) test
    // `node instanceof aws_eks.CfnCluster`; aws-eks-v2 ships its own class, so neither applies and
    // Slipway-EKS1 to EKS3 are what check the endpoint and the logs. What cdk-nag does report is the
    // AWS managed policies EKS requires on its roles, each acknowledged by the stack with its reason.
    for (const b of built) {
      const nag = b.findings.filter((f) => f.rule.startsWith('AwsSolutions-'));
      expect(nag.filter((f) => f.rule.startsWith('AwsSolutions-EKS'))).toEqual([]);
      expect(nag.every((f) => f.acknowledged)).toBe(true);
      const managedPolicies = nag.filter((f) => f.rule.startsWith('AwsSolutions-IAM4'));
      expect([...new Set(managedPolicies.map((f) => f.rule))].sort()).toEqual([
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly]',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy]',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSWorkerNodePolicy]',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKS_CNI_Policy]',
      ]);
    }
  });
});
