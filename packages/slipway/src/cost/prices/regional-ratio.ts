import type { Price, PriceKey, RegionalRatio, RegionPrices } from './types.js';

/**
 * Figures AWS sets alike in every commercial region (or bills globally): they say nothing about how
 * dear a region is, so they stay out of its ratio, and a region without a figure of its own takes
 * us-east-1's over unchanged rather than scaled.
 */
export const SAME_EVERYWHERE: ReadonlySet<PriceKey> = new Set<PriceKey>([
  'ipv4.address-hour',
  'fargate.spot-factor',
  'ec2.spot-factor',
  'secretsmanager.secret-month',
  'ssm.advanced-parameter-month',
  'ecr.gb-month',
  'kms.key-month',
  'eks.cluster-hour',
  'route53.hosted-zone-month',
  'cloudmap.registered-instance-month',
  'cognito.essentials.mau-month',
  'cognito.m2m.client-month',
  'cognito.m2m.token-requests-1k',
  // Billed by where viewers are, not by the stack's region; the edge stack is always in us-east-1.
  'cloudfront.https-request-10k',
  'cloudfront.transfer-out-gb',
  'waf.web-acl-month',
  'waf.rule-month',
  'waf.request-million',
  // X-Ray lists one price for its commercial regions; Datadog bills the same wherever tasks run.
  'xray.traces-recorded-million',
  'xray.traces-retrieved-million',
  'datadog.fargate-task-month',
  'datadog.apm-fargate-task-month',
  // No charge found anywhere (decision 027): a $0 scaled by a ratio would only look derived.
  'apigateway.vpc-link-month',
]);

/** A region's per-instance prices: RDS by instance class, EC2 by instance type. */
export interface InstanceHours {
  readonly rds: Readonly<Record<string, Price>>;
  readonly ec2: Readonly<Record<string, Price>>;
}

/** A ratio as a basis shows it: three decimals at most (`1.349`). */
function shown(ratio: number): string {
  return String(Number(ratio.toFixed(3)));
}

/**
 * The geometric mean of the ratios region ÷ us-east-1 over the region's sourced figures (figures
 * AWS sets alike everywhere left out), or undefined when it has none. The geometric mean keeps one
 * outlying figure from dominating and treats "20 % dearer" and "20 % cheaper" alike.
 */
export function ratioFromFigures(
  region: string,
  figures: Readonly<Partial<Record<PriceKey, Price>>>,
  instances: InstanceHours,
  base: RegionPrices,
  baseInstances: InstanceHours,
): RegionalRatio | undefined {
  const pairs: [string, number][] = [];
  for (const [key, price] of Object.entries(figures) as [PriceKey, Price][]) {
    if (SAME_EVERYWHERE.has(key)) continue;
    pairs.push([key, price.usd / base[key].usd]);
  }
  const perInstance = [
    ['rds', instances.rds, baseInstances.rds],
    ['ec2', instances.ec2, baseInstances.ec2],
  ] as const;
  for (const [service, own, reference] of perInstance) {
    for (const [instanceType, price] of Object.entries(own)) {
      const from = reference[instanceType];
      if (from) pairs.push([`${service}.${instanceType}`, price.usd / from.usd]);
    }
  }
  if (pairs.length === 0) return undefined;
  const mean = Math.exp(pairs.reduce((sum, [, ratio]) => sum + Math.log(ratio), 0) / pairs.length);
  const factor = Number(mean.toFixed(2));
  const listed = pairs.map(([name, ratio]) => `${name} ${shown(ratio)}`).join(', ');
  return {
    factor,
    basis: `the ${region} / us-east-1 ratio of its sourced figures (${listed})`,
  };
}
