import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './emulator.js';

const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });
const ROLE = 'arn:aws:iam::123456789012:role/cluster';

/** The EKS cluster stack in miniature: a cluster, a node group, an add-on, an admin and a pod identity. */
const TEMPLATE = {
  Resources: {
    Cluster: {
      Type: 'AWS::EKS::Cluster',
      Properties: {
        Name: 'shop-dev',
        RoleArn: ROLE,
        Version: '1.34',
        ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], EndpointPublicAccess: false },
        Logging: { ClusterLogging: { EnabledTypes: [{ Type: 'api' }, { Type: 'audit' }] } },
      },
    },
    Nodes: {
      Type: 'AWS::EKS::Nodegroup',
      Properties: {
        ClusterName: { Ref: 'Cluster' },
        NodeRole: ROLE,
        NodegroupName: 'system',
        Subnets: ['subnet-1'],
        ScalingConfig: { MinSize: 2, MaxSize: 3, DesiredSize: 2 },
        Taints: [{ Key: 'slipway/spot', Value: 'true', Effect: 'NO_SCHEDULE' }],
        CapacityType: 'SPOT',
      },
    },
    Dns: {
      Type: 'AWS::EKS::Addon',
      DependsOn: ['Nodes'],
      Properties: { ClusterName: { Ref: 'Cluster' }, AddonName: 'coredns', ResolveConflicts: 'OVERWRITE' },
    },
    Admin: {
      Type: 'AWS::EKS::AccessEntry',
      Properties: { ClusterName: { Ref: 'Cluster' }, PrincipalArn: ROLE },
    },
    Identity: {
      Type: 'AWS::EKS::PodIdentityAssociation',
      Properties: {
        ClusterName: { Ref: 'Cluster' },
        Namespace: 'shop',
        ServiceAccount: 'web',
        RoleArn: ROLE,
      },
    },
  },
  Outputs: {
    ClusterArn: { Value: getAtt('Cluster', 'Arn') },
    SecurityGroup: { Value: getAtt('Cluster', 'ClusterSecurityGroupId') },
    NodesRef: { Value: { Ref: 'Nodes' } },
    AssociationId: { Value: getAtt('Identity', 'AssociationId') },
  },
};

describe("the EKS cluster stack's resource types on the emulator", () => {
  const emulator = useEmulator();
  const cfn = () => new CloudFormationClient(emulator.config());

  it('creates the cluster and node group through moto, records the rest, and deletes them all', async () => {
    await cfn().send(
      new CreateStackCommand({ StackName: 'cluster', TemplateBody: JSON.stringify(TEMPLATE) }),
    );
    const stack = (await cfn().send(new DescribeStacksCommand({ StackName: 'cluster' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs).toMatchObject({
      ClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/shop-dev',
      SecurityGroup: expect.stringMatching(/^sg-/),
      NodesRef: 'shop-dev/system',
      AssociationId: expect.stringMatching(/^a-/),
    });
    const resources = (await cfn().send(new DescribeStackResourcesCommand({ StackName: 'cluster' })))
      .StackResources;
    expect(resources?.map((r) => [r.LogicalResourceId, r.ResourceStatus]).sort()).toEqual(
      ['Admin', 'Cluster', 'Dns', 'Identity', 'Nodes'].map((id) => [id, 'CREATE_COMPLETE']),
    );

    await cfn().send(new DeleteStackCommand({ StackName: 'cluster' }));
    const left = (await cfn().send(new ListStacksCommand({}))).StackSummaries ?? [];
    expect(left.filter((s) => s.StackName === 'cluster').map((s) => s.StackStatus)).toEqual([
      'DELETE_COMPLETE',
    ]);
  });
});
