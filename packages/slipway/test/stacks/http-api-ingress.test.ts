import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiGatewayV2Client, GetRoutesCommand, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { HTTP_API_EMULATOR_LIMIT, TRAFFIC_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import { hasUnacknowledgedErrors } from '../../src/plan/findings.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { httpApiShop } from '../fixtures/http-api-shop.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { plansOnce, templateFiles } from '../support/plans-once.js';

/** A shop on the HTTP API: two public services (one with two paths), one internal, a database. */
const CONFIG = httpApiShop(false);

const planOf = plansOnce(() => resolveConfig(CONFIG));

function template(file: string): CfnTemplate {
  return JSON.parse(readFileSync(file, 'utf8')) as CfnTemplate;
}

function stackTemplate(name: string): CfnTemplate {
  const env = planOf(undefined).environments[0]!;
  const stack = env.stacks.find((s) => s.name === name);
  if (stack === undefined) throw new Error(`no stack ${name} in ${env.stacks.map((s) => s.name).join(', ')}`);
  return template(stack.template);
}

function ofType(t: CfnTemplate, type: string): CfnResource[] {
  return Object.values(t.Resources ?? {}).filter((r) => r.Type === type);
}

describe("an environment with ingress: 'http-api'", () => {
  it('plans clean: no open finding from cdk-nag, Slipway or the Control Tower controls', () => {
    const plan = planOf(undefined);
    expect(plan.environments[0]!.findings.filter((f) => !f.acknowledged && f.level !== 'info')).toEqual([]);
    expect(hasUnacknowledgedErrors(plan)).toBe(false);
  });

  it('has an HTTP API with a logged, throttled $default stage and a VPC link, and no load balancer', () => {
    const runtime = stackTemplate('shop-dev-runtime');
    expect(ofType(runtime, 'AWS::ElasticLoadBalancingV2::LoadBalancer')).toEqual([]);
    expect(ofType(runtime, 'AWS::ApiGatewayV2::Api')).toHaveLength(1);
    const [stage] = ofType(runtime, 'AWS::ApiGatewayV2::Stage');
    expect(stage?.Properties?.StageName).toBe('$default');
    expect(stage?.Properties?.AutoDeploy).toBe(true);
    const format = JSON.parse((stage?.Properties?.AccessLogSettings as { Format: string }).Format) as Record<
      string,
      string
    >;
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(stage?.Properties?.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
    const [link] = ofType(runtime, 'AWS::ApiGatewayV2::VpcLink');
    expect(link?.Properties?.SecurityGroupIds).toHaveLength(1);
  });

  it('routes each public service by its paths to its Cloud Map entry, with A and SRV records and the port', () => {
    const orders = stackTemplate('shop-dev-orders');
    const routes = ofType(orders, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties?.RouteKey);
    expect(routes.sort()).toEqual(['ANY /basket', 'ANY /orders/{proxy+}']);
    expect(
      ofType(stackTemplate('shop-dev-web'), 'AWS::ApiGatewayV2::Route').map((r) => r.Properties?.RouteKey),
    ).toEqual(['$default']);
    const [integration] = ofType(orders, 'AWS::ApiGatewayV2::Integration');
    expect(integration?.Properties).toMatchObject({
      ConnectionType: 'VPC_LINK',
      IntegrationType: 'HTTP_PROXY',
    });
    const [discovery] = ofType(orders, 'AWS::ServiceDiscovery::Service');
    expect((discovery?.Properties?.DnsConfig as { DnsRecords: unknown }).DnsRecords).toEqual([
      { Type: 'A', TTL: 10 },
      { Type: 'SRV', TTL: 10 },
    ]);
    const [service] = ofType(orders, 'AWS::ECS::Service');
    expect(service?.Properties?.ServiceRegistries).toEqual([
      expect.objectContaining({ ContainerName: 'orders', ContainerPort: 8081 }),
    ]);
    // The internal service keeps its A record only and gets no route.
    const worker = stackTemplate('shop-dev-worker');
    expect(ofType(worker, 'AWS::ApiGatewayV2::Route')).toEqual([]);
    const [workerDiscovery] = ofType(worker, 'AWS::ServiceDiscovery::Service');
    expect((workerDiscovery?.Properties?.DnsConfig as { DnsRecords: unknown }).DnsRecords).toEqual([
      { Type: 'A', TTL: 10 },
    ]);
  });

  it("prices the API by requests and the VPC link at nothing, instead of the load balancer's hours", () => {
    const items = planOf(undefined).environments[0]!.costItems;
    expect(items.some((i) => i.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer')).toBe(false);
    expect(items.find((i) => i.type === 'AWS::ApiGatewayV2::Api')?.usd).toBeGreaterThan(0);
    expect(items.find((i) => i.type === 'AWS::ApiGatewayV2::VpcLink')?.usd).toBe(0);
  });

  it('passes cfn-lint', () => {
    const result = lintTemplates(templateFiles(planOf(undefined)), { regions: ['eu-west-1'] });
    expect(result.errors).toEqual([]);
  });
});

describe("an environment with ingress: 'http-api', on the local emulator", () => {
  const emulator = useEmulator();

  it('deploys, its routes are there, and a second diff finds nothing to change', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'slipway-http-api-')), 'slipway.config.ts');
    writeFileSync(file, `export default ${JSON.stringify(CONFIG)};`);
    const deployed = await emulator.cli('deploy', file, 'dev');
    expect(deployed.stderr).toBe('');
    expect(deployed.code).toBe(0);
    // What the emulator cannot show is said in the HTTP API's words, not the load balancer's.
    expect(deployed.stdout).toContain(HTTP_API_EMULATOR_LIMIT);
    expect(deployed.stdout).not.toContain(TRAFFIC_EMULATOR_LIMIT);

    const client = new ApiGatewayV2Client(emulator.config('eu-west-1'));
    const api = (await client.send(new GetApisCommand({}))).Items?.find((a) => a.Name === 'shop-dev');
    expect(api?.ProtocolType).toBe('HTTP');
    const routes = (await client.send(new GetRoutesCommand({ ApiId: api!.ApiId! }))).Items ?? [];
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['$default', 'ANY /basket', 'ANY /orders/{proxy+}']);

    const diff = await emulator.cli('diff', file, 'dev');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('No changes');
  });
});
