import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ApiGatewayV2Client,
  GetApiCommand,
  GetApiMappingsCommand,
  GetApisCommand,
  GetDomainNameCommand,
  GetIntegrationCommand,
  GetRoutesCommand,
  GetStageCommand,
  GetVpcLinkCommand,
  GetVpcLinksCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { GetServiceCommand, ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { describe, expect, it } from 'vitest';
import { lintTemplates } from '../support/cfn-lint.js';
import { useEmulator } from './emulator.js';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const CERTIFICATE = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0b5e8f4c-1a2b-4c3d-8e9f-0a1b2c3d4e5f`;
const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });

interface Change {
  /** Routes beyond `ANY /orders/{proxy+}`, each to the same integration. */
  readonly extraRoutes: readonly string[];
  readonly burstLimit: number;
  readonly rateLimit: number;
  readonly timeoutMs: number;
}

/**
 * An environment's HTTP API ingress in miniature (decisions 027 and 028): a Fargate service
 * registered in Cloud Map with A and SRV records, reached by the API through a VPC link and a
 * private integration on its Cloud Map service, on a custom domain.
 */
function ingressTemplate(change: Change) {
  const route = (key: string) => ({
    Type: 'AWS::ApiGatewayV2::Route',
    Properties: {
      ApiId: { Ref: 'Api' },
      RouteKey: key,
      Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'Orders' }]] },
    },
  });
  const extra = Object.fromEntries(
    change.extraRoutes.map((key, index) => [`ExtraRoute${index}`, route(key)]),
  );
  return {
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.30.0.0/16' } },
      PrivateA: {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.30.1.0/24', AvailabilityZone: `${REGION}a` },
      },
      PrivateB: {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.30.2.0/24', AvailabilityZone: `${REGION}b` },
      },
      LinkGroup: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'the HTTP API VPC link', VpcId: { Ref: 'Vpc' } },
      },
      Namespace: {
        Type: 'AWS::ServiceDiscovery::PrivateDnsNamespace',
        Properties: { Name: 'shop.internal', Vpc: { Ref: 'Vpc' } },
      },
      Discovery: {
        Type: 'AWS::ServiceDiscovery::Service',
        Properties: {
          Name: 'orders',
          NamespaceId: getAtt('Namespace', 'Id'),
          DnsConfig: {
            RoutingPolicy: 'MULTIVALUE',
            DnsRecords: [
              { Type: 'A', TTL: 10 },
              { Type: 'SRV', TTL: 10 },
            ],
          },
          HealthCheckCustomConfig: { FailureThreshold: 1 },
        },
      },
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'shop-dev' } },
      Task: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'shop-dev-orders',
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          ContainerDefinitions: [
            {
              Name: 'app',
              Image: 'public.ecr.aws/docker/library/nginx:1.27',
              Essential: true,
              PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
            },
          ],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          ServiceName: 'orders',
          Cluster: { Ref: 'Cluster' },
          TaskDefinition: { Ref: 'Task' },
          LaunchType: 'FARGATE',
          DesiredCount: 1,
          NetworkConfiguration: {
            AwsvpcConfiguration: {
              Subnets: [{ Ref: 'PrivateA' }, { Ref: 'PrivateB' }],
              SecurityGroups: [getAtt('LinkGroup', 'GroupId')],
              AssignPublicIp: 'DISABLED',
            },
          },
          ServiceRegistries: [
            { RegistryArn: getAtt('Discovery', 'Arn'), ContainerName: 'app', ContainerPort: 8080 },
          ],
        },
      },
      AccessLogs: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: '/shop/dev/http-api/access', RetentionInDays: 30 },
      },
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'shop-dev', ProtocolType: 'HTTP' } },
      Stage: {
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: {
          ApiId: { Ref: 'Api' },
          StageName: '$default',
          AutoDeploy: true,
          AccessLogSettings: {
            DestinationArn: getAtt('AccessLogs', 'Arn'),
            Format: '{"requestId":"$context.requestId","status":"$context.status"}',
          },
          DefaultRouteSettings: {
            ThrottlingBurstLimit: change.burstLimit,
            ThrottlingRateLimit: change.rateLimit,
          },
        },
      },
      Link: {
        Type: 'AWS::ApiGatewayV2::VpcLink',
        Properties: {
          Name: 'shop-dev',
          SubnetIds: [{ Ref: 'PrivateA' }, { Ref: 'PrivateB' }],
          SecurityGroupIds: [getAtt('LinkGroup', 'GroupId')],
        },
      },
      Orders: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          ApiId: { Ref: 'Api' },
          IntegrationType: 'HTTP_PROXY',
          IntegrationMethod: 'ANY',
          ConnectionType: 'VPC_LINK',
          ConnectionId: { Ref: 'Link' },
          IntegrationUri: getAtt('Discovery', 'Arn'),
          PayloadFormatVersion: '1.0',
          TimeoutInMillis: change.timeoutMs,
          RequestParameters: { 'overwrite:path': '/$request.path.proxy' },
        },
      },
      OrdersRoute: route('ANY /orders/{proxy+}'),
      ...extra,
      Domain: {
        Type: 'AWS::ApiGatewayV2::DomainName',
        Properties: {
          DomainName: 'api.shop.example.com',
          DomainNameConfigurations: [
            { CertificateArn: CERTIFICATE, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
          ],
        },
      },
      Mapping: {
        Type: 'AWS::ApiGatewayV2::ApiMapping',
        Properties: { DomainName: { Ref: 'Domain' }, ApiId: { Ref: 'Api' }, Stage: { Ref: 'Stage' } },
      },
    },
    Outputs: {
      ApiRef: { Value: { Ref: 'Api' } },
      ApiId: { Value: getAtt('Api', 'ApiId') },
      ApiEndpoint: { Value: getAtt('Api', 'ApiEndpoint') },
      StageRef: { Value: { Ref: 'Stage' } },
      LinkRef: { Value: { Ref: 'Link' } },
      LinkId: { Value: getAtt('Link', 'VpcLinkId') },
      IntegrationRef: { Value: { Ref: 'Orders' } },
      IntegrationId: { Value: getAtt('Orders', 'IntegrationId') },
      RouteRef: { Value: { Ref: 'OrdersRoute' } },
      RouteId: { Value: getAtt('OrdersRoute', 'RouteId') },
      DomainRef: { Value: { Ref: 'Domain' } },
      RegionalDomainName: { Value: getAtt('Domain', 'RegionalDomainName') },
      RegionalHostedZoneId: { Value: getAtt('Domain', 'RegionalHostedZoneId') },
      MappingRef: { Value: { Ref: 'Mapping' } },
      DiscoveryArn: { Value: getAtt('Discovery', 'Arn') },
      DiscoveryId: { Value: getAtt('Discovery', 'Id') },
    },
  };
}

const FIRST: Change = { extraRoutes: [], burstLimit: 100, rateLimit: 50, timeoutMs: 10_000 };
const SECOND: Change = { extraRoutes: ['GET /health'], burstLimit: 20, rateLimit: 10.5, timeoutMs: 5_000 };

describe("an HTTP API ingress's resource types on the emulator", () => {
  const emulator = useEmulator();
  const cfn = () => new CloudFormationClient(emulator.config(REGION));
  const apis = () => new ApiGatewayV2Client(emulator.config(REGION));

  async function outputs(name: string) {
    const stack = (await cfn().send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
    return {
      status: stack?.StackStatus,
      values: Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!])),
    };
  }

  async function failureOf(name: string, logicalId: string) {
    const events = (await cfn().send(new DescribeStackEventsCommand({ StackName: name }))).StackEvents;
    return events?.find((e) => e.LogicalResourceId === logicalId && e.ResourceStatus === 'CREATE_FAILED')
      ?.ResourceStatusReason;
  }

  it('passes cfn-lint, as every template the kit deploys must', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'slipway-http-api-'));
    const files = [FIRST, SECOND].map((change, index) => {
      const file = path.join(folder, `ingress-${index}.template.json`);
      writeFileSync(
        file,
        JSON.stringify({
          Metadata: { 'cfn-lint': { config: { regions: [REGION] } } },
          ...ingressTemplate(change),
        }),
      );
      return file;
    });
    expect(lintTemplates(files).errors).toEqual([]);
  });

  it('creates the API, its stage, VPC link, private integration, routes and domain, updates them in place and deletes them', async () => {
    await cfn().send(
      new CreateStackCommand({
        StackName: 'shop-dev-ingress',
        TemplateBody: JSON.stringify(ingressTemplate(FIRST)),
      }),
    );
    const created = await outputs('shop-dev-ingress');
    expect(created.status).toBe('CREATE_COMPLETE');
    const out = created.values;
    expect(out).toMatchObject({
      ApiRef: expect.stringMatching(/^[a-z]{8}$/),
      ApiEndpoint: `https://${out.ApiRef}.execute-api.${REGION}.amazonaws.com`,
      StageRef: '$default',
      LinkRef: expect.stringMatching(/^[a-z]{8}$/),
      IntegrationRef: expect.stringMatching(/^[a-z]{8}$/),
      RouteRef: expect.stringMatching(/^[a-z]{8}$/),
      DomainRef: 'api.shop.example.com',
      RegionalDomainName: expect.stringMatching(
        new RegExp(`^d-[a-z0-9]{10}\\.execute-api\\.${REGION}\\.amazonaws\\.com$`),
      ),
      RegionalHostedZoneId: 'ZLY8HYME6SFDD',
      DiscoveryArn: `arn:aws:servicediscovery:${REGION}:${ACCOUNT}:service/${out.DiscoveryId}`,
    });
    expect(out.ApiId).toBe(out.ApiRef);
    expect(out.LinkId).toBe(out.LinkRef);
    expect(out.IntegrationId).toBe(out.IntegrationRef);
    expect(out.RouteId).toBe(out.RouteRef);

    // What the SDK reads back is what the template asked for.
    const api = await apis().send(new GetApiCommand({ ApiId: out.ApiRef }));
    expect(api).toMatchObject({ Name: 'shop-dev', ProtocolType: 'HTTP', ApiEndpoint: out.ApiEndpoint });
    const link = await apis().send(new GetVpcLinkCommand({ VpcLinkId: out.LinkRef }));
    expect(link).toMatchObject({ Name: 'shop-dev', VpcLinkStatus: 'AVAILABLE' });
    expect(link.SubnetIds).toHaveLength(2);
    const integration = await apis().send(
      new GetIntegrationCommand({ ApiId: out.ApiRef, IntegrationId: out.IntegrationRef }),
    );
    expect(integration).toMatchObject({
      IntegrationType: 'HTTP_PROXY',
      IntegrationMethod: 'ANY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: out.LinkRef,
      IntegrationUri: out.DiscoveryArn,
      PayloadFormatVersion: '1.0',
      TimeoutInMillis: 10000,
      RequestParameters: { 'overwrite:path': '/$request.path.proxy' },
    });
    const routes = async () =>
      ((await apis().send(new GetRoutesCommand({ ApiId: out.ApiRef }))).Items ?? [])
        .map((r) => [r.RouteKey, r.RouteId, r.Target])
        .sort();
    expect(await routes()).toEqual([
      ['ANY /orders/{proxy+}', out.RouteRef, `integrations/${out.IntegrationRef}`],
    ]);
    const stage = async () => apis().send(new GetStageCommand({ ApiId: out.ApiRef, StageName: '$default' }));
    expect(await stage()).toMatchObject({
      AutoDeploy: true,
      AccessLogSettings: {
        // The log group's Arn as moto gives it (AWS's ends in `:*`).
        DestinationArn: expect.stringMatching(
          new RegExp(`^arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/shop/dev/http-api/access`),
        ),
      },
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
    const domain = await apis().send(new GetDomainNameCommand({ DomainName: 'api.shop.example.com' }));
    expect(domain.DomainNameConfigurations?.[0]).toMatchObject({
      ApiGatewayDomainName: out.RegionalDomainName,
      CertificateArn: CERTIFICATE,
      EndpointType: 'REGIONAL',
      HostedZoneId: 'ZLY8HYME6SFDD',
    });
    const mappings = await apis().send(new GetApiMappingsCommand({ DomainName: 'api.shop.example.com' }));
    expect(mappings.Items).toEqual([
      expect.objectContaining({ ApiMappingId: out.MappingRef, ApiId: out.ApiRef, Stage: '$default' }),
    ]);

    // The Cloud Map service keeps both record types, and the ECS service its container and port.
    const discovery = new ServiceDiscoveryClient(emulator.config(REGION));
    const cloudMap = (await discovery.send(new GetServiceCommand({ Id: out.DiscoveryId }))).Service;
    expect(cloudMap?.DnsConfig?.DnsRecords).toEqual([
      { Type: 'A', TTL: 10 },
      { Type: 'SRV', TTL: 10 },
    ]);
    const ecs = new ECSClient(emulator.config(REGION));
    const [service] =
      (await ecs.send(new DescribeServicesCommand({ cluster: 'shop-dev', services: ['orders'] }))).services ??
      [];
    expect(service?.serviceRegistries).toEqual([
      { registryArn: out.DiscoveryArn, containerName: 'app', containerPort: 8080 },
    ]);

    // A route added, the stage's throttling and the integration's timeout changed: made in place,
    // every id stays.
    await cfn().send(
      new UpdateStackCommand({
        StackName: 'shop-dev-ingress',
        TemplateBody: JSON.stringify(ingressTemplate(SECOND)),
      }),
    );
    const updated = await outputs('shop-dev-ingress');
    expect(updated.status).toBe('UPDATE_COMPLETE');
    expect(updated.values).toEqual(out);
    const after = await routes();
    expect(after).toHaveLength(2);
    expect(after).toContainEqual([
      'ANY /orders/{proxy+}',
      out.RouteRef,
      `integrations/${out.IntegrationRef}`,
    ]);
    expect(after).toContainEqual([
      'GET /health',
      expect.stringMatching(/^[a-z]{8}$/),
      `integrations/${out.IntegrationRef}`,
    ]);
    expect((await stage()).DefaultRouteSettings).toMatchObject({
      ThrottlingBurstLimit: 20,
      ThrottlingRateLimit: 10.5,
    });
    const changed = await apis().send(
      new GetIntegrationCommand({ ApiId: out.ApiRef, IntegrationId: out.IntegrationRef }),
    );
    expect(changed).toMatchObject({ TimeoutInMillis: 5000, ConnectionId: out.LinkRef });

    await cfn().send(new DeleteStackCommand({ StackName: 'shop-dev-ingress' }));
    expect((await apis().send(new GetApisCommand({}))).Items ?? []).toEqual([]);
    expect((await apis().send(new GetVpcLinksCommand({}))).Items ?? []).toEqual([]);
    await expect(
      apis().send(new GetDomainNameCommand({ DomainName: 'api.shop.example.com' })),
    ).rejects.toThrow();
  });

  const api = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'broken', ProtocolType: 'HTTP' } };
  const broken: readonly {
    name: string;
    resources: Record<string, unknown>;
    failing: string;
    says: string[];
  }[] = [
    {
      name: 'an integration naming a VPC link that does not exist',
      resources: {
        Api: api,
        Orders: {
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: {
            ApiId: { Ref: 'Api' },
            IntegrationType: 'HTTP_PROXY',
            IntegrationMethod: 'ANY',
            ConnectionType: 'VPC_LINK',
            ConnectionId: 'nolink1',
            IntegrationUri: `arn:aws:servicediscovery:${REGION}:${ACCOUNT}:service/srv-abcdefghijklmnop`,
            PayloadFormatVersion: '1.0',
          },
        },
      },
      failing: 'Orders',
      says: ['ConnectionId', "no VPC link 'nolink1'", 'AWS::ApiGatewayV2::VpcLink'],
    },
    {
      name: "a route whose target is another API's integration",
      resources: {
        Api: api,
        Other: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'other', ProtocolType: 'HTTP' } },
        Public: {
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: {
            ApiId: { Ref: 'Other' },
            IntegrationType: 'HTTP_PROXY',
            IntegrationMethod: 'ANY',
            IntegrationUri: 'https://example.com',
            PayloadFormatVersion: '1.0',
          },
        },
        Route: {
          Type: 'AWS::ApiGatewayV2::Route',
          Properties: {
            ApiId: { Ref: 'Api' },
            RouteKey: '$default',
            Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'Public' }]] },
          },
        },
      },
      failing: 'Route',
      says: ['Target', 'has no integration', 'same API'],
    },
    {
      name: 'a route key with no method',
      resources: {
        Api: api,
        Route: {
          Type: 'AWS::ApiGatewayV2::Route',
          Properties: { ApiId: { Ref: 'Api' }, RouteKey: '/orders' },
        },
      },
      failing: 'Route',
      says: ["RouteKey: '/orders'", "'ANY /orders/{proxy+}'"],
    },
  ];

  it.each(broken)('fails $name, naming the property and the fix', async ({ resources, failing, says }) => {
    await cfn().send(
      new CreateStackCommand({
        StackName: 'broken-ingress',
        TemplateBody: JSON.stringify({ Resources: resources }),
      }),
    );
    expect((await outputs('broken-ingress')).status).toBe('ROLLBACK_COMPLETE');
    const reason = await failureOf('broken-ingress', failing);
    for (const words of says) expect(reason).toContain(words);
  });
});
