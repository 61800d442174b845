import { describe, expect, it } from 'vitest';
import { ec2InternetIngressWebPorts } from '../../../src/checks/rules/ec2/internet-ingress-web-ports.js';
import { ec2SingleInternetFacingGroup } from '../../../src/checks/rules/ec2/single-internet-facing-group.js';
import { vpcFlowLog } from '../../../src/checks/rules/vpc/flow-log.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

function group(ingress: Record<string, unknown>[]): CfnResource {
  return {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: { GroupDescription: 'test', SecurityGroupIngress: ingress },
  };
}

const https = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' };
const ssh = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' };
const loadBalancer = (groupId: string): CfnResource => ({
  Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  Properties: { SecurityGroups: [{ 'Fn::GetAtt': [groupId, 'GroupId'] }] },
});

describe('Slipway-VPC1 flow log', () => {
  it('accepts a VPC with a flow log on it', () => {
    const others = {
      Logs: {
        Type: 'AWS::EC2::FlowLog',
        Properties: { ResourceId: { Ref: 'Subject' }, ResourceType: 'VPC' },
      },
    };
    expect(checkRule(vpcFlowLog, { Type: 'AWS::EC2::VPC' }, { others })).toBe('compliant');
  });

  it('rejects a VPC whose stack logs only another VPC', () => {
    const others = {
      Logs: {
        Type: 'AWS::EC2::FlowLog',
        Properties: { ResourceId: { Ref: 'OtherVpc' }, ResourceType: 'VPC' },
      },
    };
    expect(checkRule(vpcFlowLog, { Type: 'AWS::EC2::VPC' }, { others })).toBe('non-compliant');
  });
});

describe('Slipway-EC21 internet ingress only on 80 and 443', () => {
  it('accepts HTTPS and HTTP from anywhere', () => {
    const http = { ...https, FromPort: 80, ToPort: 80 };
    expect(checkRule(ec2InternetIngressWebPorts, group([https, http]))).toBe('compliant');
  });

  it('accepts any port from another security group', () => {
    const fromGroup = { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: 'sg-123' };
    expect(checkRule(ec2InternetIngressWebPorts, group([fromGroup]))).toBe('compliant');
  });

  it('rejects SSH from anywhere', () => {
    expect(checkRule(ec2InternetIngressWebPorts, group([https, ssh]))).toEqual({
      detail: 'admits tcp 22 from 0.0.0.0/0',
    });
  });

  it('rejects all traffic from anywhere over IPv6 on a standalone ingress', () => {
    const ingress = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { IpProtocol: '-1', CidrIpv6: '::/0', GroupId: 'sg-1' },
    };
    expect(checkRule(ec2InternetIngressWebPorts, ingress)).toEqual({
      detail: 'admits all traffic from ::/0',
    });
  });

  it('rejects a port range that includes 443', () => {
    const range = { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, CidrIp: '0.0.0.0/0' };
    expect(checkRule(ec2InternetIngressWebPorts, group([range]))).toEqual({
      detail: 'admits tcp 0-65535 from 0.0.0.0/0',
    });
  });
});

describe('Slipway-EC22 one internet-facing group, the load balancer’s', () => {
  it("accepts the load balancer's group", () => {
    const others = { Alb: loadBalancer('Subject') };
    expect(checkRule(ec2SingleInternetFacingGroup, group([https]), { others })).toBe('compliant');
  });

  it('accepts a group that admits only other groups', () => {
    expect(checkRule(ec2SingleInternetFacingGroup, group([]))).toBe('compliant');
  });

  it('rejects an internet-facing group no load balancer uses', () => {
    expect(checkRule(ec2SingleInternetFacingGroup, group([https]))).toEqual({
      detail: 'it admits the internet but no load balancer in this stack uses it',
    });
  });

  it('rejects a second internet-facing group, also when opened by a standalone ingress', () => {
    const others = {
      Alb: loadBalancer('Subject'),
      TaskGroup: group([]),
      TaskIngress: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: {
          GroupId: { 'Fn::GetAtt': ['TaskGroup', 'GroupId'] },
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          CidrIp: '0.0.0.0/0',
        },
      },
    };
    expect(checkRule(ec2SingleInternetFacingGroup, group([https]), { others })).toEqual({
      detail: 'other groups also admit the internet: TaskGroup',
    });
  });
});
