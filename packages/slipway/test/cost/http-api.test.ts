import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { estimateEnvironmentCost } from '../../src/cost/estimate.js';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import { listUsageAssumptions } from '../../src/cost/usage-assumptions.js';
import type { CfnResource } from '../../src/template/types.js';
import { issuesOf, validConfig } from '../config/fixtures.js';
import { stack, usage } from './fixtures.js';

/** An HTTP API reaching two services through a VPC link, as aws-cdk-lib's HttpApi and VpcLink synthesize it. */
function httpApiStack(
  api: CfnResource = { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
) {
  const route = (key: string, integration: string): CfnResource => ({
    Type: 'AWS::ApiGatewayV2::Route',
    Properties: { ApiId: { Ref: 'Api' }, RouteKey: key, Target: `integrations/${integration}` },
  });
  const integration = (service: string): CfnResource => ({
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: {
      ApiId: { Ref: 'Api' },
      IntegrationType: 'HTTP_PROXY',
      IntegrationMethod: 'ANY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: { Ref: 'Link' },
      IntegrationUri: { 'Fn::GetAtt': [service, 'Arn'] },
      PayloadFormatVersion: '1.0',
    },
  });
  return stack('shop-dev-ingress', {
    Api: api,
    Stage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'Api' }, StageName: '$default', AutoDeploy: true },
    },
    Link: {
      Type: 'AWS::ApiGatewayV2::VpcLink',
      Properties: { Name: 'shop-dev', SubnetIds: [{ Ref: 'SubnetA' }], SecurityGroupIds: [] },
    },
    WebRoute: route('ANY /web/{proxy+}', 'WebIntegration'),
    WebIntegration: integration('WebDiscovery'),
    AdminRoute: route('ANY /admin/{proxy+}', 'AdminIntegration'),
    AdminIntegration: integration('AdminDiscovery'),
    Domain: {
      Type: 'AWS::ApiGatewayV2::DomainName',
      Properties: { DomainName: 'api.shop.example', DomainNameConfigurations: [] },
    },
    Mapping: {
      Type: 'AWS::ApiGatewayV2::ApiMapping',
      Properties: { ApiId: { Ref: 'Api' }, DomainName: { Ref: 'Domain' }, Stage: { Ref: 'Stage' } },
    },
  });
}

const lineOf = (estimate: ReturnType<typeof estimateEnvironmentCost>, resource: string) =>
  estimate.lines.find((line) => line.resource === resource);

describe('an HTTP API and its VPC link', () => {
  it('prices a million requests at $1.00 in us-east-1, the link at $0 unverified, the rest not at all', () => {
    const estimate = estimateEnvironmentCost([httpApiStack()], { region: 'us-east-1', usage: usage() });
    expect(estimate.lines.map((line) => [line.resource, line.driver, line.usd])).toEqual([
      ['Api', 'API Gateway', 1],
      ['Link', 'API Gateway', 0],
    ]);
    expect(estimate.unpriced).toEqual([]);
    expect(lineOf(estimate, 'Api')?.basis).toBe('1 M requests × $1 (API Gateway HTTP API, OFF 2026-12)');
    expect(lineOf(estimate, 'Link')?.basis).toBe(
      '1 VPC link × $0: no charge of its own found (API Gateway VPC link, UNV 2026-12, unverified)',
    );
    // The request rate is sourced; the link's $0 is not, and the estimate counts it.
    expect(estimate.unverified).toEqual(['apigateway.vpc-link-month']);
  });

  it('prices another region from us-east-1 × its ratio, marked derived and unverified', () => {
    const ireland = PRICE_TABLES['eu-west-1']!;
    const rate = ireland.prices['apigateway.http.request-million'];
    expect(rate).toMatchObject({ source: 'DERIVED', verified: false, unit: 'million requests' });
    expect(rate.usd).toBeCloseTo(1 * ireland.ratio!.factor, 6);
    expect(ireland.prices['apigateway.vpc-link-month']).toMatchObject({ usd: 0, source: 'ASSUMED' });

    const estimate = estimateEnvironmentCost([httpApiStack()], { region: 'eu-west-1', usage: usage() });
    expect(lineOf(estimate, 'Api')?.usd).toBeCloseTo(rate.usd, 9);
    expect(lineOf(estimate, 'Api')?.basis).toBe(
      `1 M requests × $${rate.usd} (API Gateway HTTP API, DERIVED 2026-12, unverified)`,
    );
    expect(lineOf(estimate, 'Link')?.usd).toBe(0);
    expect(estimate.unverified).toEqual(['apigateway.http.request-million', 'apigateway.vpc-link-month']);
  });

  it('has both request tiers in every region the tables cover', () => {
    for (const table of Object.values(PRICE_TABLES)) {
      const first = table.prices['apigateway.http.request-million'];
      const over = table.prices['apigateway.http.request-million-over-300m'];
      expect(first.usd, table.region).toBeGreaterThan(0);
      // Beyond 300 million AWS charges 90 % of the first tier in us-east-1; derived regions keep it.
      expect(over.usd / first.usd, table.region).toBeCloseTo(0.9, 4);
    }
  });

  it('follows the usage figure, at the lower rate beyond 300 million', () => {
    const price = (millions: number) =>
      estimateEnvironmentCost([httpApiStack()], {
        region: 'us-east-1',
        usage: usage({ httpApiRequestMillionsPerMonth: millions }),
      });
    expect(lineOf(price(20), 'Api')?.usd).toBeCloseTo(20, 9);
    const heavy = price(500);
    // 300 M × $1.00 + 200 M × $0.90
    expect(lineOf(heavy, 'Api')?.usd).toBeCloseTo(480, 9);
    expect(lineOf(heavy, 'Api')?.basis).toBe(
      '300 M requests × $1 + 200 M × $0.9 beyond 300 M (API Gateway HTTP API, OFF 2026-12)',
    );
    expect(lineOf(price(0), 'Api')?.usd).toBe(0);
  });

  it('shares the environment’s requests between its HTTP APIs', () => {
    const second = stack('shop-dev-admin', {
      AdminApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
    });
    const estimate = estimateEnvironmentCost([httpApiStack(), second], {
      region: 'us-east-1',
      usage: usage({ httpApiRequestMillionsPerMonth: 10 }),
    });
    expect(lineOf(estimate, 'Api')?.usd).toBeCloseTo(5, 9);
    expect(lineOf(estimate, 'AdminApi')?.usd).toBeCloseTo(5, 9);
    expect(lineOf(estimate, 'Api')?.basis).toContain('÷ 2 HTTP APIs');
  });

  it('prices an API imported from an OpenAPI body as an HTTP API', () => {
    const imported = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Body: { openapi: '3.0.1' } } };
    const estimate = estimateEnvironmentCost([httpApiStack(imported)], {
      region: 'us-east-1',
      usage: usage(),
    });
    expect(lineOf(estimate, 'Api')?.usd).toBe(1);
  });

  it('reports a WebSocket API as not priced, with the reason, and leaves it out of the total', () => {
    const socket = {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' },
    };
    const estimate = estimateEnvironmentCost([httpApiStack(socket)], { region: 'us-east-1', usage: usage() });
    expect(estimate.unpriced).toEqual([
      {
        resource: 'shop-dev-ingress/Api',
        type: 'AWS::ApiGatewayV2::Api',
        reason: expect.stringContaining('a WebSocket API bills messages and connection minutes'),
      },
    ]);
    expect(estimate.monthlyUsd).toBe(0);
  });

  it('reports an API whose protocol is not written out as not priced, naming the property', () => {
    const unknown = { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: { Ref: 'Protocol' } } };
    const estimate = estimateEnvironmentCost([httpApiStack(unknown)], {
      region: 'us-east-1',
      usage: usage(),
    });
    expect(estimate.unpriced[0]?.reason).toContain('ProtocolType is {"Ref":"Protocol"}');
  });
});

describe('usage.httpApiRequestMillionsPerMonth', () => {
  it('is set in the config, overridden per environment, and moves the estimate', () => {
    const config = validConfig();
    config.usage = { httpApiRequestMillionsPerMonth: 4 };
    config.environments.prod!.usage = { httpApiRequestMillionsPerMonth: 50 };
    const [dev, prod] = resolveConfig(config).environments;
    expect(dev!.usage.httpApiRequestMillionsPerMonth).toBe(4);
    expect(prod!.usage.httpApiRequestMillionsPerMonth).toBe(50);
    const apiUsd = (env: typeof dev) =>
      lineOf(estimateEnvironmentCost([httpApiStack()], { region: 'us-east-1', usage: env!.usage }), 'Api')
        ?.usd;
    expect(apiUsd(dev)).toBeCloseTo(4, 9);
    expect(apiUsd(prod)).toBeCloseTo(50, 9);
  });

  it('defaults to a million a month, and is listed among the assumptions when an HTTP API is priced', () => {
    const config = validConfig();
    const [dev] = resolveConfig(config).environments;
    const estimate = estimateEnvironmentCost([httpApiStack()], { region: 'us-east-1', usage: dev!.usage });
    expect(lineOf(estimate, 'Api')?.usd).toBe(1);
    expect(
      listUsageAssumptions(dev!.usage, estimate.lines).find(
        (row) => row.name === 'httpApiRequestMillionsPerMonth',
      ),
    ).toEqual({
      name: 'httpApiRequestMillionsPerMonth',
      value: 1,
      unit: 'million requests / month per environment',
      why: 'API Gateway HTTP API requests, shared by its HTTP APIs',
    });
    expect(listUsageAssumptions(dev!.usage, []).map((row) => row.name)).not.toContain(
      'httpApiRequestMillionsPerMonth',
    );
  });

  it('rejects a negative figure, naming the field', () => {
    const config = validConfig();
    config.environments.dev!.usage = { httpApiRequestMillionsPerMonth: -2 };
    expect(issuesOf(config)).toContainEqual(
      expect.objectContaining({
        path: 'environments.dev.usage.httpApiRequestMillionsPerMonth',
        message: expect.stringContaining('-2 is negative'),
      }),
    );
  });
});
