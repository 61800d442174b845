import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

function albAttributes(fx: FixtureApp, stack: string): Record<string, string> {
  const alb = onlyResource(fx.template(stack).findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'));
  return Object.fromEntries(
    alb.Properties.LoadBalancerAttributes.map((a: { Key: string; Value: string }) => [a.Key, a.Value]),
  );
}

describe('runtime stack without a domain (dev floor)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(devFloorModel());
  });
  afterAll(() => fx.dispose());

  it('runs a cluster with Container Insights and both Fargate capacity providers', () => {
    const t = fx.template('floor-dev-runtime');
    t.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterName: 'floor-dev',
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    });
  });

  it('puts an internet-facing ALB in the public subnets with access logs and header dropping', () => {
    const t = fx.template('floor-dev-runtime');
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Subnets: [
        { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevnetworkpublicsubnet1id') },
        { Ref: Match.stringLikeRegexp('^SsmParameterValuefloordevnetworkpublicsubnet2id') },
      ],
    });
    expect(albAttributes(fx, 'floor-dev-runtime')).toMatchObject({
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.prefix': 'alb',
      'routing.http.drop_invalid_header_fields.enabled': 'true',
      'deletion_protection.enabled': 'false',
    });
  });

  it('admits the internet on port 80 only, and answers unknown paths with a 404', () => {
    const t = fx.template('floor-dev-runtime');
    const groups = t.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: Match.stringLikeRegexp('load balancer') },
    });
    const alb = onlyResource(groups);
    expect(alb.Properties.SecurityGroupIngress).toEqual([
      {
        CidrIp: '0.0.0.0/0',
        Description: 'HTTP from the internet',
        FromPort: 80,
        IpProtocol: 'tcp',
        ToPort: 80,
      },
    ]);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        Match.objectLike({
          Type: 'fixed-response',
          FixedResponseConfig: Match.objectLike({ StatusCode: '404' }),
        }),
      ],
    });
  });

  it('keeps access logs in an encrypted, TLS-only, private, expiring bucket that outlives the stack', () => {
    const t = fx.template('floor-dev-runtime');
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 14, Status: 'Enabled' })]),
        },
      }),
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('versions the log bucket and expires overwritten or deleted log versions after 30 days', () => {
    const t = fx.template('floor-dev-runtime');
    t.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Id: 'expire-noncurrent-versions',
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            Status: 'Enabled',
          }),
          Match.objectLike({ Id: 'remove-expired-delete-markers', ExpiredObjectDeleteMarker: true }),
        ]),
      },
    });
  });

  it('creates the one alarm topic of the environment, HTTPS-only, and publishes its ARN', () => {
    const t = fx.template('floor-dev-runtime');
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'floor-dev-alarms' });
    t.resourceCountIs('AWS::SNS::Subscription', 0);
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/floor/dev/runtime/alarm-topic-arn',
      Value: { Ref: Match.stringLikeRegexp('^AlarmTopic') },
    });
  });

  it('publishes the cluster, load balancer and listener through SSM, and the DNS name as an output', () => {
    const t = fx.template('floor-dev-runtime');
    const names = Object.values(t.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    expect(names.sort()).toEqual([
      '/floor/dev/runtime/access-log-bucket',
      '/floor/dev/runtime/alarm-topic-arn',
      '/floor/dev/runtime/alb-arn',
      '/floor/dev/runtime/alb-dns-name',
      '/floor/dev/runtime/alb-full-name',
      '/floor/dev/runtime/alb-security-group-id',
      '/floor/dev/runtime/cluster-arn',
      '/floor/dev/runtime/cluster-name',
      '/floor/dev/runtime/listener-arn',
      '/floor/dev/runtime/services-security-group-id',
    ]);
    t.hasOutput('LoadBalancerDnsName', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LoadBalancer'), 'DNSName'] },
    });
  });
});

describe('runtime stack with a domain (megadolls prod)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(megadollsLikeModel());
  });
  afterAll(() => fx.dispose());

  it('turns on deletion protection in production', () => {
    expect(albAttributes(fx, 'megadolls-prod-runtime')['deletion_protection.enabled']).toBe('true');
  });

  it('serves HTTPS with the certificate and a TLS 1.2+ policy, and only redirects on port 80', () => {
    const t = fx.template('megadolls-prod-runtime');
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: megadollsLikeModel().environments[1]?.domain?.certificateArn }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
      ],
    });
    t.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/megadolls/prod/runtime/listener-arn',
      Value: { Ref: Match.stringLikeRegexp('^LoadBalancerHttpsListener') },
    });
  });

  it('admits the internet on 80 and 443 and nothing else', () => {
    const groups = fx.template('megadolls-prod-runtime').findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: Match.stringLikeRegexp('load balancer') },
    });
    const alb = onlyResource(groups);
    expect(alb.Properties.SecurityGroupIngress.map((r: { FromPort: number }) => r.FromPort)).toEqual([
      80, 443,
    ]);
  });
});
