import { describe, expect, it } from 'vitest';
import { eksControlPlaneLogs } from '../../../src/checks/rules/eks/control-plane-logs.js';
import { eksNodeImdsv2 } from '../../../src/checks/rules/eks/node-imdsv2.js';
import { eksPrivateNodeSubnets } from '../../../src/checks/rules/eks/private-node-subnets.js';
import { eksProductionControlPlaneLogs } from '../../../src/checks/rules/eks/production-control-plane-logs.js';
import { eksPublicEndpoint } from '../../../src/checks/rules/eks/public-endpoint.js';
import { eksScopedAccessEntries } from '../../../src/checks/rules/eks/scoped-access-entries.js';
import { eksStandardSupport } from '../../../src/checks/rules/eks/standard-support.js';
import type { CfnResource, CfnTemplate } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

const ALL_LOGS = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];
const tags = [{ Key: 'slipway:environment', Value: 'prod' }];

function cluster(properties: Record<string, unknown> = {}): CfnResource {
  return {
    Type: 'AWS::EKS::Cluster',
    Properties: {
      Name: 'shop-prod',
      ResourcesVpcConfig: {
        EndpointPrivateAccess: true,
        EndpointPublicAccess: true,
        PublicAccessCidrs: ['203.0.113.0/24'],
      },
      Logging: { ClusterLogging: { EnabledTypes: ALL_LOGS.map((Type) => ({ Type })) } },
      UpgradePolicy: { SupportType: 'STANDARD' },
      Tags: tags,
      ...properties,
    },
  };
}

function nodeGroup(properties: Record<string, unknown> = {}): CfnResource {
  return {
    Type: 'AWS::EKS::Nodegroup',
    Properties: {
      NodegroupName: 'workload',
      Subnets: [{ Ref: 'PrivateSubnet1' }, { Ref: 'PrivateSubnet2' }],
      LaunchTemplate: { Id: { Ref: 'Nodes' }, Version: { 'Fn::GetAtt': ['Nodes', 'LatestVersionNumber'] } },
      Tags: { 'slipway:environment': 'prod' },
      ...properties,
    },
  };
}

function launchTemplate(metadataOptions: Record<string, unknown> | undefined): CfnResource {
  return {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: { LaunchTemplateName: 'nodes', LaunchTemplateData: { MetadataOptions: metadataOptions } },
  };
}

const subnetParameter = (name: string) => ({ Type: 'AWS::SSM::Parameter::Value<String>', Default: name });

/** The node group checked with the template around it: subnet parameters and the launch template. */
function checkNodeGroup(
  rule: typeof eksPrivateNodeSubnets,
  group: CfnResource,
  nodes: CfnResource = launchTemplate({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 }),
) {
  const template: CfnTemplate = {
    Parameters: {
      PrivateSubnet1: subnetParameter('/shop/prod/network/private-subnet-1-id'),
      PrivateSubnet2: subnetParameter('/shop/prod/network/private-subnet-2-id'),
      PublicSubnet1: subnetParameter('/shop/prod/network/public-subnet-1-id'),
    },
    Resources: { Nodes: nodes, Subject: group },
  };
  return rule.check(group, {
    logicalId: 'Subject',
    template,
    stackName: 'shop-prod-cluster',
    production: true,
  });
}

function accessEntry(principal: unknown, accessPolicies: unknown[]): CfnResource {
  return {
    Type: 'AWS::EKS::AccessEntry',
    Properties: {
      ClusterName: { Ref: 'Cluster' },
      PrincipalArn: principal,
      AccessPolicies: accessPolicies,
      Tags: tags,
    },
  };
}

const clusterAdmin = (scope: Record<string, unknown> = { Type: 'cluster' }) => ({
  AccessScope: scope,
  PolicyArn: {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, ':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'],
    ],
  },
});

describe('Slipway-EKS1 public endpoint for listed CIDRs only', () => {
  it('accepts a public endpoint for one range, and a private endpoint', () => {
    expect(checkRule(eksPublicEndpoint, cluster())).toBe('compliant');
    const privateOnly = cluster({
      ResourcesVpcConfig: { EndpointPrivateAccess: true, EndpointPublicAccess: false },
    });
    expect(checkRule(eksPublicEndpoint, privateOnly)).toBe('compliant');
  });

  it('rejects a public endpoint without CIDRs, naming the cluster and the config field', () => {
    const open = cluster({ ResourcesVpcConfig: { EndpointPublicAccess: true } });
    expect(checkRule(eksPublicEndpoint, open)).toEqual({
      detail:
        'cluster shop-prod has EndpointPublicAccess true and PublicAccessCidrs is unset, which EKS reads as 0.0.0.0/0; ' +
        "list the admins' and CI's ranges in environments.prod.eks.publicEndpointCidrs, or leave it empty",
    });
  });

  it('rejects the whole internet over IPv4 or IPv6, and an endpoint public by default', () => {
    const world = cluster({
      ResourcesVpcConfig: { EndpointPublicAccess: 'true', PublicAccessCidrs: ['10.0.0.0/8', '::/0'] },
    });
    expect(checkRule(eksPublicEndpoint, world)).toMatchObject({
      detail: expect.stringContaining('EndpointPublicAccess true and PublicAccessCidrs includes ::/0'),
    });
    const byDefault = cluster({ ResourcesVpcConfig: { PublicAccessCidrs: ['0.0.0.0/0'] } });
    expect(checkRule(eksPublicEndpoint, byDefault)).toMatchObject({
      detail: expect.stringContaining(
        'EndpointPublicAccess unset (EKS opens it) and PublicAccessCidrs includes 0.0.0.0/0',
      ),
    });
  });
});

describe('Slipway-EKS2 and EKS3 control-plane logs', () => {
  const partial = cluster({
    Logging: { ClusterLogging: { EnabledTypes: [{ Type: 'api' }, { Type: 'audit' }] } },
  });

  it('accepts all five log types in production and elsewhere', () => {
    expect(checkRule(eksProductionControlPlaneLogs, cluster(), { production: true })).toBe('compliant');
    expect(checkRule(eksControlPlaneLogs, cluster())).toBe('compliant');
  });

  it('fails a production cluster that leaves log types out, as an error', () => {
    expect(eksProductionControlPlaneLogs.level).toBe('error');
    expect(checkRule(eksProductionControlPlaneLogs, partial, { production: true })).toMatchObject({
      detail: expect.stringMatching(
        /^cluster shop-prod does not log authenticator, controllerManager, scheduler;/,
      ),
    });
    expect(checkRule(eksControlPlaneLogs, partial, { production: true })).toBe('not-applicable');
  });

  it('warns about a dev cluster without logging', () => {
    expect(eksControlPlaneLogs.level).toBe('warning');
    const silent = cluster({ Logging: undefined });
    expect(checkRule(eksControlPlaneLogs, silent)).toMatchObject({
      detail: expect.stringContaining(`does not log ${ALL_LOGS.join(', ')}`),
    });
    expect(checkRule(eksProductionControlPlaneLogs, silent)).toBe('not-applicable');
  });
});

describe('Slipway-EKS4 standard support', () => {
  it('accepts STANDARD', () => {
    expect(checkRule(eksStandardSupport, cluster())).toBe('compliant');
  });

  it("rejects CloudFormation's default and EXTENDED, pointing at the version field", () => {
    expect(checkRule(eksStandardSupport, cluster({ UpgradePolicy: undefined }))).toEqual({
      detail:
        'cluster shop-prod has UpgradePolicy.SupportType unset, so EXTENDED; ' +
        'keep environments.prod.eks.version a version in standard support and let EKS upgrade it when support ends',
    });
    expect(
      checkRule(eksStandardSupport, cluster({ UpgradePolicy: { SupportType: 'EXTENDED' } })),
    ).toMatchObject({
      detail: expect.stringContaining('SupportType EXTENDED'),
    });
  });
});

describe('Slipway-EKS5 node groups in private subnets', () => {
  it('accepts the private-subnet parameters', () => {
    expect(checkNodeGroup(eksPrivateNodeSubnets, nodeGroup())).toBe('compliant');
  });

  it('rejects a public-subnet parameter, naming it', () => {
    const group = nodeGroup({ Subnets: [{ Ref: 'PrivateSubnet1' }, { Ref: 'PublicSubnet1' }] });
    expect(checkNodeGroup(eksPrivateNodeSubnets, group)).toEqual({
      detail:
        'node group workload uses public subnets /shop/prod/network/public-subnet-1-id; the pools of ' +
        'environments.prod.eks.nodePools run in the private subnets, so a node group added beside them must read private-subnet-<n>-id',
    });
  });

  it('rejects a subnet of the same template that gives out public IPs', () => {
    const subnet = { Type: 'AWS::EC2::Subnet', Properties: { MapPublicIpOnLaunch: true } };
    const group = nodeGroup({ Subnets: [{ Ref: 'OpenSubnet' }] });
    expect(checkRule(eksPrivateNodeSubnets, group, { others: { OpenSubnet: subnet } })).toMatchObject({
      detail: expect.stringContaining('uses public subnets OpenSubnet'),
    });
  });
});

describe('Slipway-EKS6 nodes on IMDSv2 with a hop limit of 1', () => {
  it('accepts a launch template that requires tokens with one hop, named by Id or by Name', () => {
    expect(checkNodeGroup(eksNodeImdsv2, nodeGroup())).toBe('compliant');
    const byName = nodeGroup({ LaunchTemplate: { Name: 'nodes', Version: '1' } });
    expect(checkNodeGroup(eksNodeImdsv2, byName)).toBe('compliant');
  });

  it('rejects a node group without a launch template', () => {
    expect(checkNodeGroup(eksNodeImdsv2, nodeGroup({ LaunchTemplate: undefined }))).toMatchObject({
      detail: expect.stringMatching(/^node group workload has no launch template in this stack/),
    });
  });

  it('rejects optional tokens and a hop limit of 2, or one left to the AMI', () => {
    const loose = launchTemplate({ HttpTokens: 'optional', HttpPutResponseHopLimit: 2 });
    expect(checkNodeGroup(eksNodeImdsv2, nodeGroup(), loose)).toEqual({
      detail:
        'node group workload launches with HttpTokens optional and HttpPutResponseHopLimit 2; the pools of ' +
        'environments.prod.eks.nodePools get such a template, so a node group added beside them needs one too',
    });
    const unset = launchTemplate({ HttpTokens: 'required' });
    expect(checkNodeGroup(eksNodeImdsv2, nodeGroup(), unset)).toMatchObject({
      detail: expect.stringContaining('launches with HttpPutResponseHopLimit unset'),
    });
  });
});

describe('Slipway-EKS7 access entries for named principals and namespaces', () => {
  it('accepts cluster admin for one role and a namespace-scoped policy on named namespaces', () => {
    expect(
      checkRule(
        eksScopedAccessEntries,
        accessEntry('arn:aws:iam::222222222222:role/platform-admin', [clusterAdmin()]),
      ),
    ).toBe('compliant');
    const developer = accessEntry('arn:aws:iam::222222222222:role/developer', [
      clusterAdmin({ Type: 'namespace', Namespaces: ['shop'] }),
    ]);
    expect(checkRule(eksScopedAccessEntries, developer)).toBe('compliant');
  });

  it('rejects cluster admin for a wildcard principal, naming the policy and the config fields', () => {
    const entry = accessEntry('arn:aws:iam::222222222222:role/*', [clusterAdmin()]);
    expect(checkRule(eksScopedAccessEntries, entry)).toEqual({
      detail:
        'access entry for arn:aws:iam::222222222222:role/*: a wildcard principal ARN is granted AmazonEKSClusterAdminPolicy; ' +
        'list each role ARN in environments.prod.eks.admins or environments.prod.eks.developers',
    });
  });

  it('rejects a wildcard inside a joined ARN, and a namespace-scoped policy on every namespace', () => {
    const joined = accessEntry(
      { 'Fn::Join': ['', ['arn:aws:iam::', { Ref: 'AWS::AccountId' }, ':role/dev-*']] },
      [],
    );
    expect(checkRule(eksScopedAccessEntries, joined)).toMatchObject({
      detail: expect.stringContaining('a wildcard principal ARN is granted its Kubernetes groups'),
    });
    const everywhere = accessEntry('arn:aws:iam::222222222222:role/developer', [
      clusterAdmin({ Type: 'namespace', Namespaces: ['shop', '*'] }),
    ]);
    expect(checkRule(eksScopedAccessEntries, everywhere)).toMatchObject({
      detail: expect.stringContaining('AmazonEKSClusterAdminPolicy is scoped to namespace *'),
    });
  });
});
