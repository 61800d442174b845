import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { buildApp } from '../../src/stacks/build-app.js';
import { CROSS_REGION_METADATA } from '../../src/stacks/shared/cross-region.js';
import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import { plannedStacks } from '../support/planned-stacks.js';

/** CloudFront's managed policies the edge uses, by the ids AWS gives them everywhere. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';

/**
 * A shop in eu-central-1: dev behind a bare edge, prod behind one with its own domain, a cached
 * static path and a WAF with two managed groups and a rate rule; `admin` is internal.
 */
const CONFIG: SlipwayConfig = {
  app: 'shop',
  github: { repository: 'acme/shop' },
  delivery: { previewBranches: [] },
  services: {
    web: { port: 8080 },
    admin: { port: 9000, public: false },
  },
  environments: {
    dev: {
      account: '111111111111',
      region: 'eu-central-1',
      availabilityZones: ['eu-central-1a', 'eu-central-1b'],
      network: { cidr: '10.20.0.0/16' },
      edge: { cloudfront: true },
    },
    prod: {
      production: true,
      account: '222222222222',
      region: 'eu-central-1',
      availabilityZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
      // Production's alarms reach someone (Slipway-OBS1).
      observability: { alerts: { email: ['oncall@example.com'] } },
      edge: {
        cloudfront: true,
        domain: {
          name: 'shop.example.com',
          certificateArn:
            'arn:aws:acm:us-east-1:222222222222:certificate/11111111-2222-3333-4444-555555555555',
        },
        cache: { '/static/*': 86400 },
        waf: { managedRules: ['common', 'sql-injection'], rateLimit: 500 },
        priceClass: 'PriceClass_200',
      },
    },
  },
};

type Props = Record<string, unknown>;

describe('the edge stack', () => {
  let plan: PlanOutcome;
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-edge-'));
    plan = runPlan(resolveConfig(CONFIG), { outdir });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const { template, ofType } = plannedStacks(() => plan);
  const distribution = (stack: string) =>
    ofType(stack, 'AWS::CloudFront::Distribution')[0]![1].Properties?.['DistributionConfig'] as Props;

  it('goes to us-east-1 of the environment account, after the runtime stack', () => {
    const built = buildApp(resolveConfig(CONFIG), { outdir: path.join(outdir, 'built') });
    const edge = built.stacks.find((s) => s.stack.stackName === 'shop-prod-edge');
    expect(edge?.kind).toBe('edge');
    expect(edge?.stack.region).toBe('us-east-1');
    expect(edge?.stack.account).toBe('222222222222');
    const names = plan.environments.find((e) => e.name === 'prod')!.stacks.map((s) => s.name);
    expect(names.indexOf('shop-prod-edge')).toBeGreaterThan(names.indexOf('shop-prod-runtime'));
  });

  it('makes the load balancer internal, in the private subnets, open to the VPC range on 80 only', () => {
    const [, alb] = ofType('shop-dev-runtime', 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0]!;
    expect(alb.Properties?.['Scheme']).toBe('internal');
    const parameters = template('shop-dev-runtime').Parameters ?? {};
    const subnets = (alb.Properties?.['Subnets'] as { Ref: string }[]).map(
      (ref) => (parameters[ref.Ref] as { Default?: string }).Default,
    );
    expect(subnets).toEqual([
      '/shop/dev/network/private-subnet-1-id',
      '/shop/dev/network/private-subnet-2-id',
    ]);
    const groups = ofType('shop-dev-runtime', 'AWS::EC2::SecurityGroup').filter(([id]) =>
      id.startsWith('LoadBalancerSecurityGroup'),
    );
    const ingress = groups.flatMap(([, g]) => g.Properties?.['SecurityGroupIngress'] as Props[]);
    expect(ingress).toEqual([expect.objectContaining({ CidrIp: '10.20.0.0/16', FromPort: 80, ToPort: 80 })]);
    // No HTTPS listener on the load balancer: TLS ends at CloudFront.
    const listeners = ofType('shop-prod-runtime', 'AWS::ElasticLoadBalancingV2::Listener');
    expect(listeners.map(([, l]) => l.Properties?.['Port'])).toEqual([80]);
  });

  it('reaches the load balancer through a VPC origin whose ARN and name the deployer passes from its region', () => {
    const edge = template('shop-dev-edge');
    const sources = (edge as { Metadata?: Props }).Metadata?.[CROSS_REGION_METADATA];
    expect(sources).toEqual({
      LoadBalancerArn: { region: 'eu-central-1', parameter: '/shop/dev/runtime/alb-arn' },
      LoadBalancerDnsName: { region: 'eu-central-1', parameter: '/shop/dev/runtime/alb-dns-name' },
    });
    expect(edge.Parameters?.['LoadBalancerArn']).toEqual(expect.objectContaining({ Type: 'String' }));
    const [, origin] = ofType('shop-dev-edge', 'AWS::CloudFront::VpcOrigin')[0]!;
    const endpoint = origin.Properties?.['VpcOriginEndpointConfig'] as Props;
    expect(endpoint['Arn']).toEqual({ Ref: 'LoadBalancerArn' });
    expect(endpoint['OriginProtocolPolicy']).toBe('http-only');
    const origins = distribution('shop-dev-edge')['Origins'] as Props[];
    expect(origins).toHaveLength(1);
    expect(origins[0]!['DomainName']).toEqual({ Ref: 'LoadBalancerDnsName' });
    expect(origins[0]!['VpcOriginConfig']).toBeDefined();
  });

  it('serves HTTPS only, passes API paths uncached with security headers', () => {
    const behavior = distribution('shop-dev-edge')['DefaultCacheBehavior'] as Props;
    expect(behavior['ViewerProtocolPolicy']).toBe('redirect-to-https');
    expect(behavior['CachePolicyId']).toBe(CACHING_DISABLED);
    expect(behavior['ResponseHeadersPolicyId']).toBe(SECURITY_HEADERS);
    expect(behavior['AllowedMethods']).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE']));
  });

  it("uses the team's us-east-1 certificate with TLS 1.2 by SNI when the edge has a domain", () => {
    const config = distribution('shop-prod-edge');
    expect(config['Aliases']).toEqual(['shop.example.com']);
    expect(config['ViewerCertificate']).toEqual({
      AcmCertificateArn:
        'arn:aws:acm:us-east-1:222222222222:certificate/11111111-2222-3333-4444-555555555555',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(config['PriceClass']).toBe('PriceClass_200');
  });

  it('caches a configured path with its own TTL, keyed without cookies or headers, GET and HEAD only', () => {
    const behaviors = distribution('shop-prod-edge')['CacheBehaviors'] as Props[];
    expect(behaviors.map((b) => b['PathPattern'])).toEqual(['/static/*']);
    expect(behaviors[0]!['AllowedMethods']).toEqual(['GET', 'HEAD']);
    const [, policy] = ofType('shop-prod-edge', 'AWS::CloudFront::CachePolicy')[0]!;
    const settings = policy.Properties?.['CachePolicyConfig'] as Props;
    expect(settings['DefaultTTL']).toBe(86400);
    const keys = settings['ParametersInCacheKeyAndForwardedToOrigin'] as Props;
    expect(keys['CookiesConfig']).toEqual({ CookieBehavior: 'none' });
    expect(keys['HeadersConfig']).toEqual({ HeaderBehavior: 'none' });
  });

  it('puts the web ACL on the distribution: the rate rule first, then the managed groups', () => {
    const [id, acl] = ofType('shop-prod-edge', 'AWS::WAFv2::WebACL')[0]!;
    expect(acl.Properties?.['Scope']).toBe('CLOUDFRONT');
    const rules = acl.Properties?.['Rules'] as Props[];
    expect(rules.map((r) => r['Name'])).toEqual([
      'rate-limit-per-ip',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesSQLiRuleSet',
    ]);
    expect((rules[0]!['Statement'] as Props)['RateBasedStatement']).toEqual({
      Limit: 500,
      AggregateKeyType: 'IP',
    });
    expect(distribution('shop-prod-edge')['WebACLId']).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(ofType('shop-dev-edge', 'AWS::WAFv2::WebACL')).toEqual([]);
  });

  it("delivers access logs (v2) as JSON to a retained log group of the edge's region", () => {
    const [, source] = ofType('shop-dev-edge', 'AWS::Logs::DeliverySource')[0]!;
    expect(source.Properties?.['LogType']).toBe('ACCESS_LOGS');
    expect(JSON.stringify(source.Properties?.['ResourceArn'])).toContain(
      'arn:aws:cloudfront::111111111111:distribution/',
    );
    const [, destination] = ofType('shop-dev-edge', 'AWS::Logs::DeliveryDestination')[0]!;
    expect(destination.Properties?.['OutputFormat']).toBe('json');
    expect(destination.Properties?.['DestinationResourceArn']).toBe(
      'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vendedlogs/cloudfront/shop-dev',
    );
    expect(ofType('shop-dev-edge', 'AWS::Logs::Delivery')).toHaveLength(1);
    const [, group] = ofType('shop-dev-edge', 'AWS::Logs::LogGroup')[0]!;
    expect(group.DeletionPolicy).toBe('Retain');
  });

  it(
    'plans with no open error, prices CloudFront and WAF, and passes cfn-lint',
    () => {
      expect(allFindings(plan).filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
      const prod = plan.environments.find((e) => e.name === 'prod')!;
      const drivers = (env: typeof prod) => env.costItems.map((i) => i.type);
      expect(drivers(prod)).toEqual(
        expect.arrayContaining(['AWS::CloudFront::Distribution', 'AWS::WAFv2::WebACL']),
      );
      // 1 M requests at $0.01 per 10,000 and 10 GB at $0.085; $5 + 3 rules + $0.60 for the WAF.
      const usd = (type: string) => prod.costItems.find((i) => i.type === type)?.usd;
      expect(usd('AWS::CloudFront::Distribution')).toBeCloseTo(1.85, 6);
      expect(usd('AWS::WAFv2::WebACL')).toBeCloseTo(5 + 3 + 0.6, 6);
      const templates = plan.environments.flatMap((e) => e.stacks).map((s) => s.template);
      expect(lintTemplates(templates).errors).toEqual([]);
    },
    LINT_ALL_TIMEOUT_MS,
  );
});
