import type { CostDriver, CostItem } from './cost-item.js';
import type { CostLine } from './pricing-context.js';

/** One driver of the monthly total. */
export interface CostDriverShare {
  /** What the money goes to, e.g. `Fargate`, `Public IPv4`, `RDS`. */
  readonly label: string;
  readonly usd: number;
  /** Fraction of the monthly total, 0–1. */
  readonly share: number;
}

export interface CostSummary {
  /** Sum of all items, unrounded. */
  readonly monthlyUsd: number;
  /** The largest drivers, biggest first. */
  readonly topDrivers: readonly CostDriverShare[];
  /** `stack/resource (type)` of every item the table could not price: the total leaves them out. */
  readonly unpriced: readonly string[];
}

export interface SummaryOptions {
  /** How many drivers to list. @default 5 */
  readonly top?: number;
}

/** Drivers for items that come without one (e.g. read back from a plan's JSON by an older version). */
const DRIVER_BY_TYPE: Readonly<Record<string, CostDriver>> = {
  'AWS::ECS::Service': 'Fargate',
  'AWS::EC2::NatGateway': 'NAT gateway',
  'AWS::EC2::EIP': 'Public IPv4',
  'AWS::EC2::VPCEndpoint': 'VPC endpoints',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Load balancer',
  'AWS::ApiGatewayV2::Api': 'API Gateway',
  'AWS::ApiGatewayV2::VpcLink': 'API Gateway',
  'AWS::RDS::DBInstance': 'RDS',
  'AWS::ElastiCache::ReplicationGroup': 'ElastiCache',
  'AWS::Cognito::UserPool': 'Cognito',
  'AWS::Cognito::UserPoolClient': 'Cognito',
  'AWS::Lambda::Function': 'Lambda',
  'AWS::SQS::Queue': 'SQS',
  'AWS::SNS::Topic': 'SNS',
  'AWS::CloudFront::Distribution': 'CloudFront',
  'AWS::WAFv2::WebACL': 'WAF',
  'AWS::EKS::Cluster': 'EKS',
  'AWS::EKS::Nodegroup': 'EKS nodes',
  'AWS::Logs::LogGroup': 'CloudWatch Logs',
  'AWS::CloudWatch::Alarm': 'CloudWatch alarms',
  'AWS::Synthetics::Canary': 'Synthetics',
  'AWS::SecretsManager::Secret': 'Secrets Manager',
  'AWS::SSM::Parameter': 'SSM parameters',
  'AWS::ECR::Repository': 'ECR',
  'AWS::KMS::Key': 'KMS',
};

/** What `item` is counted under: its driver, or for an item without one, its type's. */
export function costDriverOf(item: CostItem): string {
  return item.driver ?? DRIVER_BY_TYPE[item.type] ?? item.type;
}

/** The `count` most expensive items of a scope, biggest first; ties in stack and resource order. */
export function topCostItems(scope: { readonly costItems: readonly CostItem[] }, count = 5): CostItem[] {
  return [...scope.costItems]
    .sort((a, b) => b.usd - a.usd || a.stack.localeCompare(b.stack) || a.resource.localeCompare(b.resource))
    .slice(0, count);
}

/** The total and what drives it, for the CLI's one-screen summary. */
export function summarizeCost(items: readonly CostItem[], options: SummaryOptions = {}): CostSummary {
  const monthlyUsd = items.reduce((sum, item) => sum + item.usd, 0);
  const byDriver = new Map<string, number>();
  for (const item of items) {
    if (item.usd === 0) continue;
    const label = costDriverOf(item);
    byDriver.set(label, (byDriver.get(label) ?? 0) + item.usd);
  }
  const topDrivers = [...byDriver]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, options.top ?? 5)
    .map(([label, usd]) => ({ label, usd, share: monthlyUsd > 0 ? usd / monthlyUsd : 0 }));
  const unpriced = [
    ...new Set(
      items
        .filter((item) => (item as Partial<CostLine>).unpriced === true)
        .map((item) => `${item.stack}/${item.resource} (${item.type})`),
    ),
  ];
  return { monthlyUsd, topDrivers, unpriced };
}
