import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import {
  CloudFrontClient,
  GetCachePolicyCommand,
  GetDistributionCommand,
  GetVpcOriginCommand,
} from '@aws-sdk/client-cloudfront';
import {
  CloudWatchLogsClient,
  DescribeDeliveriesCommand,
  DescribeDeliveryDestinationsCommand,
  DescribeDeliverySourcesCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLCommand, ListWebACLsCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './emulator.js';

const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });
const ACCOUNT = '123456789012';
const CERTIFICATE = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0b5e8f4c-1a2b-4c3d-8e9f-0a1b2c3d4e5f`;
/** AWS managed policies: CachingDisabled, AllViewerExceptHostHeader, SecurityHeadersPolicy. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';

/** The runtime stack's side, in the environment's region: an internal load balancer the VPC reaches on port 80. */
const RUNTIME = {
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/16' } },
    IsolatedA: {
      Type: 'AWS::EC2::Subnet',
      Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.20.1.0/24', AvailabilityZone: 'eu-west-1a' },
    },
    IsolatedB: {
      Type: 'AWS::EC2::Subnet',
      Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.20.2.0/24', AvailabilityZone: 'eu-west-1b' },
    },
    BalancerGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'the internal load balancer',
        VpcId: { Ref: 'Vpc' },
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '10.20.0.0/16' }],
      },
    },
    Balancer: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: {
        Name: 'shop-dev',
        Type: 'application',
        Scheme: 'internal',
        Subnets: [{ Ref: 'IsolatedA' }, { Ref: 'IsolatedB' }],
        SecurityGroups: [getAtt('BalancerGroup', 'GroupId')],
      },
    },
  },
  Outputs: {
    Arn: { Value: { Ref: 'Balancer' } },
    DnsName: { Value: getAtt('Balancer', 'DNSName') },
  },
};

/** The edge stack in miniature: every type it holds, wired as the stack wires them. */
function edgeTemplate(change: { priceClass: string; rateLimit: number }) {
  const visibility = (name: string) => ({
    CloudWatchMetricsEnabled: true,
    MetricName: name,
    SampledRequestsEnabled: true,
  });
  return {
    Parameters: {
      OriginArn: { Type: 'String' },
      OriginDomainName: { Type: 'String' },
    },
    Resources: {
      Origin: {
        Type: 'AWS::CloudFront::VpcOrigin',
        Properties: {
          VpcOriginEndpointConfig: {
            Name: 'shop-dev',
            Arn: { Ref: 'OriginArn' },
            HTTPPort: 80,
            HTTPSPort: 443,
            OriginProtocolPolicy: 'http-only',
            OriginSSLProtocols: ['TLSv1.2'],
          },
        },
      },
      StaticCache: {
        Type: 'AWS::CloudFront::CachePolicy',
        Properties: {
          CachePolicyConfig: {
            Name: 'shop-dev-static',
            DefaultTTL: 86400,
            MaxTTL: 86400,
            MinTTL: 0,
            ParametersInCacheKeyAndForwardedToOrigin: {
              EnableAcceptEncodingGzip: true,
              EnableAcceptEncodingBrotli: true,
              CookiesConfig: { CookieBehavior: 'none' },
              HeadersConfig: { HeaderBehavior: 'none' },
              QueryStringsConfig: { QueryStringBehavior: 'none' },
            },
          },
        },
      },
      Firewall: {
        Type: 'AWS::WAFv2::WebACL',
        Properties: {
          Name: 'shop-dev-edge',
          Scope: 'CLOUDFRONT',
          DefaultAction: { Allow: {} },
          VisibilityConfig: visibility('shop-dev-edge'),
          Rules: [
            {
              Name: 'common',
              Priority: 0,
              OverrideAction: { None: {} },
              Statement: {
                ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
              },
              VisibilityConfig: visibility('common'),
            },
            {
              Name: 'rate',
              Priority: 1,
              Action: { Block: {} },
              Statement: { RateBasedStatement: { Limit: change.rateLimit, AggregateKeyType: 'IP' } },
              VisibilityConfig: visibility('rate'),
            },
          ],
        },
      },
      Distribution: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Enabled: true,
            Aliases: ['shop.example.com'],
            PriceClass: change.priceClass,
            HttpVersion: 'http2and3',
            IPV6Enabled: true,
            WebACLId: getAtt('Firewall', 'Arn'),
            ViewerCertificate: {
              AcmCertificateArn: CERTIFICATE,
              SslSupportMethod: 'sni-only',
              MinimumProtocolVersion: 'TLSv1.2_2021',
            },
            Origins: [
              {
                Id: 'services',
                DomainName: { Ref: 'OriginDomainName' },
                VpcOriginConfig: { VpcOriginId: getAtt('Origin', 'Id') },
              },
            ],
            DefaultCacheBehavior: {
              TargetOriginId: 'services',
              ViewerProtocolPolicy: 'redirect-to-https',
              AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
              CachePolicyId: CACHING_DISABLED,
              OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
              ResponseHeadersPolicyId: SECURITY_HEADERS,
            },
            CacheBehaviors: [
              {
                PathPattern: '/static/*',
                TargetOriginId: 'services',
                ViewerProtocolPolicy: 'redirect-to-https',
                CachePolicyId: { Ref: 'StaticCache' },
                OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
                ResponseHeadersPolicyId: SECURITY_HEADERS,
                Compress: true,
              },
            ],
          },
        },
      },
      AccessLogs: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: '/shop/dev/edge/access', RetentionInDays: 30 },
      },
      LogsPolicy: {
        Type: 'AWS::Logs::ResourcePolicy',
        Properties: {
          PolicyName: 'shop-dev-edge-access-logs',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'delivery.logs.amazonaws.com' },
                Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/shop/dev/edge/access:*`,
              },
            ],
          }),
        },
      },
      LogSource: {
        Type: 'AWS::Logs::DeliverySource',
        Properties: {
          Name: 'shop-dev-edge',
          LogType: 'ACCESS_LOGS',
          ResourceArn: {
            'Fn::Join': [
              '',
              ['arn:aws:cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: 'Distribution' }],
            ],
          },
        },
      },
      LogDestination: {
        Type: 'AWS::Logs::DeliveryDestination',
        Properties: {
          Name: 'shop-dev-edge',
          OutputFormat: 'json',
          DestinationResourceArn: getAtt('AccessLogs', 'Arn'),
        },
      },
      LogDelivery: {
        Type: 'AWS::Logs::Delivery',
        Properties: {
          DeliverySourceName: { Ref: 'LogSource' },
          DeliveryDestinationArn: getAtt('LogDestination', 'Arn'),
        },
      },
    },
    Outputs: {
      OriginRef: { Value: { Ref: 'Origin' } },
      OriginId: { Value: getAtt('Origin', 'Id') },
      OriginArn: { Value: getAtt('Origin', 'Arn') },
      CachePolicyRef: { Value: { Ref: 'StaticCache' } },
      CachePolicyId: { Value: getAtt('StaticCache', 'Id') },
      FirewallArn: { Value: getAtt('Firewall', 'Arn') },
      FirewallId: { Value: getAtt('Firewall', 'Id') },
      DistributionRef: { Value: { Ref: 'Distribution' } },
      DistributionId: { Value: getAtt('Distribution', 'Id') },
      DomainName: { Value: getAtt('Distribution', 'DomainName') },
      SourceArn: { Value: getAtt('LogSource', 'Arn') },
      DestinationArn: { Value: getAtt('LogDestination', 'Arn') },
      DeliveryId: { Value: getAtt('LogDelivery', 'DeliveryId') },
      DeliveryArn: { Value: getAtt('LogDelivery', 'Arn') },
    },
  };
}

describe("the edge stack's resource types on the emulator", () => {
  const emulator = useEmulator();
  const cfn = (region = 'us-east-1') => new CloudFormationClient(emulator.config(region));

  async function outputs(name: string, region = 'us-east-1') {
    const stack = (await cfn(region).send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
    return {
      status: stack?.StackStatus,
      values: Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!])),
    };
  }

  it('creates CloudFront, WAF and access-log delivery resources, updates them in place and deletes them', async () => {
    await cfn('eu-west-1').send(
      new CreateStackCommand({ StackName: 'shop-dev-runtime', TemplateBody: JSON.stringify(RUNTIME) }),
    );
    const runtime = await outputs('shop-dev-runtime', 'eu-west-1');
    expect(runtime.status).toBe('CREATE_COMPLETE');
    const balancers = new ElasticLoadBalancingV2Client(emulator.config('eu-west-1'));
    const [balancer] =
      (await balancers.send(new DescribeLoadBalancersCommand({ Names: ['shop-dev'] }))).LoadBalancers ?? [];
    expect(balancer?.Scheme).toBe('internal');
    expect(balancer?.DNSName).toMatch(/^internal-shop-dev-.+\.eu-west-1\.elb\.amazonaws\.com$/);
    expect(runtime.values.DnsName).toBe(balancer?.DNSName);
    const ec2 = new EC2Client(emulator.config('eu-west-1'));
    const [group] =
      (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: balancer?.SecurityGroups })))
        .SecurityGroups ?? [];
    expect(group?.IpPermissions).toEqual([
      expect.objectContaining({
        FromPort: 80,
        ToPort: 80,
        IpRanges: [expect.objectContaining({ CidrIp: '10.20.0.0/16' })],
      }),
    ]);

    const parameters = [
      { ParameterKey: 'OriginArn', ParameterValue: runtime.values.Arn },
      { ParameterKey: 'OriginDomainName', ParameterValue: runtime.values.DnsName },
    ];
    const first = { priceClass: 'PriceClass_100', rateLimit: 2000 };
    await cfn().send(
      new CreateStackCommand({
        StackName: 'shop-dev-edge',
        TemplateBody: JSON.stringify(edgeTemplate(first)),
        Parameters: parameters,
      }),
    );
    const created = await outputs('shop-dev-edge');
    expect(created.status).toBe('CREATE_COMPLETE');
    const out = created.values;
    expect(out).toMatchObject({
      OriginRef: expect.stringMatching(/^vo_[A-Za-z0-9]{22}$/),
      OriginArn: `arn:aws:cloudfront::${ACCOUNT}:vpcorigin/${out.OriginRef}`,
      CachePolicyRef: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      FirewallArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/shop-dev-edge/${out.FirewallId}`,
      DistributionRef: expect.stringMatching(/^E[A-Z0-9]{13}$/),
      DomainName: expect.stringMatching(/^d[a-z0-9]{13}\.cloudfront\.net$/),
      SourceArn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-source:shop-dev-edge`,
      DestinationArn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-destination:shop-dev-edge`,
      DeliveryArn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery:${out.DeliveryId}`,
    });
    expect(out.OriginId).toBe(out.OriginRef);
    expect(out.CachePolicyId).toBe(out.CachePolicyRef);
    expect(out.DistributionId).toBe(out.DistributionRef);

    const cloudfront = new CloudFrontClient(emulator.config());
    const distribution = (await cloudfront.send(new GetDistributionCommand({ Id: out.DistributionRef })))
      .Distribution;
    expect(distribution?.DomainName).toBe(out.DomainName);
    const config = distribution?.DistributionConfig;
    expect(config).toMatchObject({
      Aliases: { Quantity: 1, Items: ['shop.example.com'] },
      PriceClass: 'PriceClass_100',
      HttpVersion: 'http2and3',
      IsIPV6Enabled: true,
      WebACLId: out.FirewallArn,
      ViewerCertificate: {
        ACMCertificateArn: CERTIFICATE,
        SSLSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
        CloudFrontDefaultCertificate: false,
      },
      DefaultCacheBehavior: {
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
        ResponseHeadersPolicyId: SECURITY_HEADERS,
      },
    });
    expect(config?.Origins?.Items?.[0]).toMatchObject({
      DomainName: runtime.values.DnsName,
      VpcOriginConfig: { VpcOriginId: out.OriginRef },
    });
    expect(config?.CacheBehaviors?.Items?.[0]).toMatchObject({
      PathPattern: '/static/*',
      CachePolicyId: out.CachePolicyRef,
      Compress: true,
    });
    const vpcOrigin = (await cloudfront.send(new GetVpcOriginCommand({ Id: out.OriginRef }))).VpcOrigin;
    expect(vpcOrigin?.VpcOriginEndpointConfig).toMatchObject({
      Arn: runtime.values.Arn,
      HTTPPort: 80,
      OriginProtocolPolicy: 'http-only',
      OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
    });
    const cachePolicy = (await cloudfront.send(new GetCachePolicyCommand({ Id: out.CachePolicyRef })))
      .CachePolicy;
    expect(cachePolicy?.CachePolicyConfig).toMatchObject({ Name: 'shop-dev-static', DefaultTTL: 86400 });

    const waf = new WAFV2Client(emulator.config());
    const webAcl = async () =>
      (
        await waf.send(
          new GetWebACLCommand({ Name: 'shop-dev-edge', Id: out.FirewallId, Scope: 'CLOUDFRONT' }),
        )
      ).WebACL;
    const rules = (await webAcl())?.Rules ?? [];
    expect(rules.map((r) => r.Name)).toEqual(['common', 'rate']);
    expect(rules[0]?.Statement?.ManagedRuleGroupStatement?.Name).toBe('AWSManagedRulesCommonRuleSet');
    expect(rules[1]?.Statement?.RateBasedStatement?.Limit).toBe(2000);

    const logs = new CloudWatchLogsClient(emulator.config());
    const [delivery] = (await logs.send(new DescribeDeliveriesCommand({}))).deliveries ?? [];
    expect(delivery).toMatchObject({
      id: out.DeliveryId,
      deliverySourceName: 'shop-dev-edge',
      deliveryDestinationArn: out.DestinationArn,
      deliveryDestinationType: 'CWL',
    });
    const [source] = (await logs.send(new DescribeDeliverySourcesCommand({}))).deliverySources ?? [];
    expect(source).toMatchObject({
      resourceArns: [`arn:aws:cloudfront::${ACCOUNT}:distribution/${out.DistributionRef}`],
      logType: 'ACCESS_LOGS',
    });
    const [destination] =
      (await logs.send(new DescribeDeliveryDestinationsCommand({}))).deliveryDestinations ?? [];
    expect(destination?.outputFormat).toBe('json');

    // A changed price class and rate limit are made in place: the ids stay.
    await cfn().send(
      new UpdateStackCommand({
        StackName: 'shop-dev-edge',
        TemplateBody: JSON.stringify(edgeTemplate({ priceClass: 'PriceClass_200', rateLimit: 500 })),
        Parameters: parameters,
      }),
    );
    const updated = await outputs('shop-dev-edge');
    expect(updated.status).toBe('UPDATE_COMPLETE');
    expect(updated.values).toEqual(out);
    const after = await cloudfront.send(new GetDistributionCommand({ Id: out.DistributionRef }));
    expect(after.Distribution?.DistributionConfig?.PriceClass).toBe('PriceClass_200');
    expect((await webAcl())?.Rules?.[1]?.Statement?.RateBasedStatement?.Limit).toBe(500);

    await cfn().send(new DeleteStackCommand({ StackName: 'shop-dev-edge' }));
    await expect(cloudfront.send(new GetDistributionCommand({ Id: out.DistributionRef }))).rejects.toThrow();
    await expect(cloudfront.send(new GetVpcOriginCommand({ Id: out.OriginRef }))).rejects.toThrow();
    expect((await waf.send(new ListWebACLsCommand({ Scope: 'CLOUDFRONT' }))).WebACLs).toEqual([]);
    expect((await logs.send(new DescribeDeliveriesCommand({}))).deliveries ?? []).toEqual([]);
    expect((await logs.send(new DescribeDeliverySourcesCommand({}))).deliverySources ?? []).toEqual([]);
  });

  it('fails a distribution whose VPC origin does not exist, naming the field', async () => {
    const distribution = {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          Enabled: true,
          Origins: [
            {
              Id: 'services',
              DomainName: 'internal-shop-dev-1.eu-west-1.elb.amazonaws.com',
              VpcOriginConfig: { VpcOriginId: 'vo_doesnotexist' },
            },
          ],
          DefaultCacheBehavior: {
            TargetOriginId: 'services',
            ViewerProtocolPolicy: 'redirect-to-https',
            CachePolicyId: CACHING_DISABLED,
          },
        },
      },
    };
    await cfn().send(
      new CreateStackCommand({
        StackName: 'broken-edge',
        TemplateBody: JSON.stringify({ Resources: { Distribution: distribution } }),
      }),
    );
    const events = (await cfn().send(new DescribeStackEventsCommand({ StackName: 'broken-edge' })))
      .StackEvents;
    const failed = events?.find(
      (e) => e.LogicalResourceId === 'Distribution' && e.ResourceStatus === 'CREATE_FAILED',
    );
    expect(failed?.ResourceStatusReason).toContain('Origins[0].VpcOriginConfig.VpcOriginId');
    expect(failed?.ResourceStatusReason).toContain('vo_doesnotexist');
  });
});
