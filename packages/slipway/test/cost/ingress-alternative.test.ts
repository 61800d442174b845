import { describe, expect, it } from 'vitest';
import { ingressAlternativeSummary } from '../../src/cost/ingress-alternative-summary.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { estimateEnvironmentCost } from '../../src/cost/estimate.js';
import { formatMonthly } from '../../src/cost/format.js';
import {
  ingressAlternative,
  type IngressAlternative,
  type PricedIngressAlternative,
} from '../../src/cost/ingress-alternative.js';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { validConfig } from '../config/fixtures.js';
import { loadBalancer, stack } from './fixtures.js';

const usEast1 = PRICE_TABLES['us-east-1']!.prices;

/** dev (us-east-1, three zones) with the given ingress and usage; prod as the fixture has it. */
function environments(change: (config: SlipwayConfig) => void = () => {}) {
  const config = validConfig();
  config.environments.dev!.usage = { albLcu: 2, httpApiRequestMillionsPerMonth: 3 };
  change(config);
  const [dev, prod] = resolveConfig(config).environments;
  return { dev: dev!, prod: prod! };
}

function priced(alternative: IngressAlternative | undefined): PricedIngressAlternative {
  if (alternative === undefined || !('usdPerMonth' in alternative)) {
    return expect.fail(`expected a priced alternative, got ${JSON.stringify(alternative)}`);
  }
  return alternative;
}

/** The load balancer and the HTTP API for dev's usage, straight from the us-east-1 table. */
function expectedFromTable(usage: ReturnType<typeof environments>['dev']['usage'], zones: number) {
  const hours = usage.hoursPerMonth;
  const loadBalancer =
    hours * usEast1['alb.hour'].usd +
    hours * usage.albLcu * usEast1['alb.lcu-hour'].usd +
    zones * hours * usEast1['ipv4.address-hour'].usd;
  const httpApi =
    usage.httpApiRequestMillionsPerMonth! * usEast1['apigateway.http.request-million'].usd +
    usEast1['apigateway.vpc-link-month'].usd;
  return { loadBalancer, httpApi };
}

describe('the ingress an environment does not have', () => {
  it('prices the load balancer for an environment on the HTTP API, and the saving is its sum minus the API’s', () => {
    const { dev } = environments((config) => {
      config.environments.dev!.ingress = 'http-api';
    });
    const alternative = priced(ingressAlternative(dev));
    const expected = expectedFromTable(dev.usage, dev.availabilityZones.length);

    expect(alternative.ingress).toBe('load-balancer');
    expect(alternative.lines.map((line) => line.part)).toEqual(['hours', 'capacity units', '3 public IPv4']);
    const linesSum = alternative.lines.reduce((sum, line) => sum + line.usd, 0);
    expect(alternative.usdPerMonth).toBeCloseTo(linesSum, 9);
    expect(alternative.usdPerMonth).toBeCloseTo(expected.loadBalancer, 9);
    expect(alternative.currentUsdPerMonth).toBeCloseTo(expected.httpApi, 9);
    expect(alternative.savingUsdPerMonth).toBeCloseTo(linesSum - expected.httpApi, 9);
    // Every figure names its source, as the estimate's lines do.
    for (const line of alternative.lines) expect(line.basis).toMatch(/\((ALB|public IPv4), \S+ \S+\)$/);
    // The saving rests on the VPC link's $0, which no source states; the load balancer's figures are sourced.
    expect(alternative.unverified).toEqual([]);
    expect(alternative.savingUnverified).toEqual(['apigateway.vpc-link-month']);
  });

  it('matches what the load balancer pricer gives a load balancer across the same zones', () => {
    const { dev } = environments((config) => {
      config.environments.dev!.ingress = 'http-api';
    });
    const zones = dev.availabilityZones.length;
    const estimate = estimateEnvironmentCost([stack('shop-dev-runtime', { Alb: loadBalancer(zones) })], {
      region: dev.region,
      usage: dev.usage,
    });
    expect(priced(ingressAlternative(dev)).usdPerMonth).toBeCloseTo(estimate.monthlyUsd!, 9);
  });

  it('prices the HTTP API for a load-balanced environment outside production that nothing ties to it', () => {
    const { dev } = environments((config) => {
      config.environments.dev!.ingress = 'load-balancer';
    });
    const alternative = priced(ingressAlternative(dev));
    const expected = expectedFromTable(dev.usage, dev.availabilityZones.length);

    expect(alternative.ingress).toBe('http-api');
    expect(alternative.lines.map((line) => [line.part, line.type])).toEqual([
      ['requests', 'AWS::ApiGatewayV2::Api'],
      ['VPC link', 'AWS::ApiGatewayV2::VpcLink'],
    ]);
    expect(alternative.usdPerMonth).toBeCloseTo(expected.httpApi, 9);
    expect(alternative.savingUsdPerMonth).toBeCloseTo(expected.loadBalancer - expected.httpApi, 9);
    expect(alternative.unverified).toEqual(['apigateway.vpc-link-month']);
    expect(ingressAlternativeSummary(alternative)).toBe(
      `an HTTP API would save ${formatMonthly(alternative.savingUsdPerMonth, 1)}/month against this load balancer ` +
        `(${formatMonthly(alternative.usdPerMonth, 1)}: requests $3.00, VPC link $0.00)`,
    );
  });

  it('says the HTTP API costs more when its requests outweigh the load balancer', () => {
    const { dev } = environments((config) => {
      config.environments.dev!.ingress = 'http-api';
      config.environments.dev!.usage = { httpApiRequestMillionsPerMonth: 200 };
    });
    const alternative = priced(ingressAlternative(dev));
    const expected = expectedFromTable(dev.usage, dev.availabilityZones.length);
    expect(alternative.savingUsdPerMonth).toBeCloseTo(expected.loadBalancer - expected.httpApi, 9);
    expect(alternative.savingUsdPerMonth).toBeLessThan(0);
    expect(ingressAlternativeSummary(alternative)).toMatch(
      /^http-api costs ≈ \$[\d,.]+\/month more than a load balancer/,
    );
  });

  it('states what needs the load balancer instead of a figure when the HTTP API is ruled out', () => {
    const { dev } = environments((config) => {
      config.environments.dev!.ingress = 'load-balancer';
      config.services!.web!.stickySessions = true;
    });
    const alternative = ingressAlternative(dev);
    expect(alternative).toEqual({
      ingress: 'http-api',
      needsLoadBalancer: [expect.objectContaining({ service: 'web', field: 'stickySessions' })],
    });
    expect(ingressAlternativeSummary(alternative!)).toBe(
      'load balancer needed, no HTTP API: web: stickySessions',
    );
  });

  it('compares nothing for production on the load balancer, a private environment or an unpriced region', () => {
    const { prod } = environments((config) => {
      config.environments.prod!.production = true;
      config.environments.prod!.ingress = 'load-balancer';
      // Production's canary needs the load balancer; a rolling one leaves nothing that does.
      config.services!.web!.deployment = { strategy: 'rolling' };
    });
    expect(prod.ingressChoice.needsLoadBalancer).toEqual([]);
    expect(ingressAlternative(prod)).toBeUndefined();

    const { dev: internal } = environments((config) => {
      config.services!.web!.public = false;
    });
    expect(ingressAlternative(internal)).toBeUndefined();

    const { dev } = environments((config) => {
      config.environments.dev!.ingress = 'http-api';
    });
    expect(ingressAlternative(dev, {})).toBeUndefined();
  });
});
