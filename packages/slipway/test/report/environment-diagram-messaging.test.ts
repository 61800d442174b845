import { describe, expect, it } from 'vitest';
import { environmentDiagram } from '../../src/report/diagram/from-templates.js';
import type { CfnResource, SynthesizedStack } from '../../src/template/types.js';

/** A stack from a few resources, and the SSM-typed parameters it reads by name. */
function stack(
  name: string,
  resources: Record<string, CfnResource>,
  reads: Record<string, string> = {},
): SynthesizedStack {
  const Parameters = Object.fromEntries(
    Object.entries(reads).map(([key, parameter]) => [
      key,
      { Type: 'AWS::SSM::Parameter::Value<String>', Default: parameter },
    ]),
  );
  return {
    name,
    environment: 'dev',
    region: 'eu-west-1',
    templatePath: `${name}.template.json`,
    template: { Resources: resources, Parameters },
  };
}

const published = (parameter: string, value: unknown): CfnResource => ({
  Type: 'AWS::SSM::Parameter',
  Properties: { Name: parameter, Type: 'String', Value: value },
});

// Topics, queues and a function in the VPC, as the functions stack makes them; the examples declare none.
const stacks = [
  stack('shop-dev-data', {
    CacheSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'cache' } },
    Cache: {
      Type: 'AWS::ElastiCache::ReplicationGroup',
      Properties: {
        Engine: 'valkey',
        CacheNodeType: 'cache.t4g.micro',
        SecurityGroupIds: [{ 'Fn::GetAtt': ['CacheSg', 'GroupId'] }],
      },
    },
    PublishedCacheSg: published('/shop/dev/data/caches/main/security-group-id', {
      'Fn::GetAtt': ['CacheSg', 'GroupId'],
    }),
  }),
  stack(
    'shop-dev-functions',
    {
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'shop-dev-orders' } },
      Inbox: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: 'shop-dev-orders-inbox',
          RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['InboxDlq', 'Arn'] }, maxReceiveCount: 5 },
        },
      },
      InboxDlq: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'shop-dev-orders-inbox-dlq' } },
      Subscription: {
        Type: 'AWS::SNS::Subscription',
        Properties: {
          Protocol: 'sqs',
          TopicArn: { Ref: 'Topic' },
          Endpoint: { 'Fn::GetAtt': ['Inbox', 'Arn'] },
        },
      },
      FnSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'function' } },
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: 'shop-dev-ship',
          Runtime: 'nodejs22.x',
          MemorySize: 512,
          Timeout: 10,
          VpcConfig: { SecurityGroupIds: [{ 'Fn::GetAtt': ['FnSg', 'GroupId'] }], SubnetIds: [] },
        },
      },
      Mapping: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: { EventSourceArn: { 'Fn::GetAtt': ['Inbox', 'Arn'] }, FunctionName: { Ref: 'Fn' } },
      },
      CacheIngress: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: {
          GroupId: { Ref: 'CacheSgParam' },
          IpProtocol: 'tcp',
          FromPort: 6379,
          ToPort: 6379,
          SourceSecurityGroupId: { 'Fn::GetAtt': ['FnSg', 'GroupId'] },
        },
      },
      LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a: {
        Type: 'AWS::Lambda::Function',
        Properties: { Runtime: 'nodejs22.x' },
      },
    },
    { CacheSgParam: '/shop/dev/data/caches/main/security-group-id' },
  ),
];

describe('environment diagram of topics, queues and functions', () => {
  const diagram = environmentDiagram({ name: 'dev', region: 'eu-west-1', stacks });
  const byLabel = (label: string) => diagram.nodes.find((n) => n.label === label);

  it('draws the topic, the queue with its dead-letter queue folded in, and the declared function only', () => {
    expect(byLabel('orders')?.kind).toBe('topic');
    expect(byLabel('orders')?.details).toEqual(['subscribers: sqs']);
    expect(byLabel('orders-inbox')?.details).toEqual(['dead letters after 5 receives']);
    expect(byLabel('orders-inbox')?.resources.map((r) => r.logicalId)).toEqual(['Inbox', 'InboxDlq']);
    expect(byLabel('ship')?.details).toEqual(['nodejs22.x · x86 · 512 MB · 10 s']);
    expect(diagram.nodes.filter((n) => n.kind === 'function')).toHaveLength(1);
    expect(diagram.nodes.filter((n) => n.kind === 'queue')).toHaveLength(1);
  });

  it('joins topic → queue → function by events, and the function to the cache across stacks by its security group', () => {
    const edges = diagram.edges.map((e) => [e.kind, e.from, e.to, e.label]);
    expect(edges).toEqual([
      ['network', 'shop-dev-functions/Fn', 'shop-dev-data/Cache', 'tcp 6379'],
      ['event', 'shop-dev-functions/Inbox', 'shop-dev-functions/Fn', 'messages'],
      ['event', 'shop-dev-functions/Topic', 'shop-dev-functions/Inbox', 'sqs'],
    ]);
  });
});
