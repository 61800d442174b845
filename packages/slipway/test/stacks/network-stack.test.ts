import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

describe('network stack without NAT (dev floor)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(devFloorModel());
  });
  afterAll(() => fx.dispose());

  it('builds the VPC from the model CIDR with one public and one private subnet per zone', () => {
    const t = fx.template('floor-dev-network');
    t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    t.resourceCountIs('AWS::EC2::Subnet', 4);
    for (const zone of ['us-east-1a', 'us-east-1b']) {
      t.hasResourceProperties('AWS::EC2::Subnet', {
        AvailabilityZone: zone,
        MapPublicIpOnLaunch: false,
        CidrBlock: Match.stringLikeRegexp('/20$'),
        Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Public' }]),
      });
      t.hasResourceProperties('AWS::EC2::Subnet', {
        AvailabilityZone: zone,
        Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Isolated' }]),
      });
    }
  });

  it('has no NAT gateway, and only the public route tables route to the internet', () => {
    const t = fx.template('floor-dev-network');
    t.resourceCountIs('AWS::EC2::NatGateway', 0);
    const routes = Object.values(t.findResources('AWS::EC2::Route'));
    expect(routes).toHaveLength(2);
    for (const route of routes) {
      expect(route.Properties.GatewayId).toEqual({ Ref: expect.stringMatching(/^VpcIGW/) });
    }
  });

  it('logs all VPC traffic to a log group with a retention', () => {
    const t = fx.template('floor-dev-network');
    t.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: { Ref: 'FlowLogGroup' },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 14 });
  });

  it('creates the private DNS namespace services and databases are named under', () => {
    fx.template('floor-dev-network').hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', {
      Name: 'floor.internal',
      Vpc: { Ref: Match.stringLikeRegexp('^Vpc') },
    });
  });

  it('publishes the ids other stacks need as SSM parameters', () => {
    const names = Object.values(fx.template('floor-dev-network').findResources('AWS::SSM::Parameter'))
      .map((p) => p.Properties.Name)
      .sort();
    expect(names).toEqual([
      '/floor/dev/network/namespace-arn',
      '/floor/dev/network/namespace-id',
      '/floor/dev/network/namespace-name',
      '/floor/dev/network/private-subnet-1-id',
      '/floor/dev/network/private-subnet-2-id',
      '/floor/dev/network/public-subnet-1-id',
      '/floor/dev/network/public-subnet-2-id',
      '/floor/dev/network/vpc-cidr',
      '/floor/dev/network/vpc-id',
    ]);
  });

  it('keeps the flow log group after the stack, even outside production', () => {
    fx.template('floor-dev-network').hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('network stack with NAT (megadolls prod)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(megadollsLikeModel());
  });
  afterAll(() => fx.dispose());

  it('uses egress-capable private subnets in three zones behind one NAT gateway', () => {
    const t = fx.template('megadolls-prod-network');
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    t.resourceCountIs('AWS::EC2::Subnet', 6);
    t.hasResourceProperties('AWS::EC2::Subnet', {
      AvailabilityZone: 'af-south-1c',
      Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Private' }]),
    });
    t.hasResourceProperties('AWS::EC2::Route', {
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: { Ref: Match.stringLikeRegexp('NATGateway') },
    });
  });

  it('adds the free S3 gateway endpoint so image layers skip the NAT', () => {
    fx.template('megadolls-prod-network').hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: Match.objectLike({}),
    });
  });

  it('keeps the production flow log group after the stack', () => {
    fx.template('megadolls-prod-network').hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: 90, Tags: Match.anyValue() },
    });
  });
});
