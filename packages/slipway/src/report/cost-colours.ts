import type { CostDriver } from '../cost/cost-item.js';

/**
 * One colour per cost category, the same in every report, so a reader comparing two pages sees the
 * same blue for Fargate in both. Families share a hue: compute blues, network oranges, data and
 * messaging greens, observability purples, the rest browns; unpriced lines grey.
 */
export const COST_COLOURS: Readonly<Record<CostDriver, string>> = {
  Fargate: '#1f77b4',
  EKS: '#4a90c8',
  'EKS nodes': '#7fb2dc',
  Lambda: '#0d4a7a',
  'NAT gateway': '#e6550d',
  'Public IPv4': '#fd8d3c',
  'Load balancer': '#fdae6b',
  'API Gateway': '#fee6ce',
  'VPC endpoints': '#a63603',
  CloudFront: '#d94801',
  WAF: '#f16913',
  'Private DNS': '#fdd0a2',
  RDS: '#31a354',
  ElastiCache: '#74c476',
  DynamoDB: '#006d2c',
  Cognito: '#a1d99b',
  SQS: '#00441b',
  SNS: '#c7e9c0',
  'Secrets Manager': '#8c6d31',
  KMS: '#bd9e39',
  'SSM parameters': '#e7cb94',
  ECR: '#843c39',
  'CloudWatch Logs': '#756bb1',
  'CloudWatch alarms': '#9e9ac8',
  'CloudWatch dashboards': '#bcbddc',
  'CloudWatch metrics': '#54278f',
  'Container Insights': '#6a51a3',
  Synthetics: '#807dba',
  'X-Ray': '#3f007d',
  Datadog: '#c994c7',
  Elastic: '#dd3497',
  'Not priced': '#bdbdbd',
};

/** For a category this table does not know (a plan from a newer version): a grey picked by name. */
const FALLBACK = ['#636363', '#969696', '#525252', '#737373', '#a5a5a5'] as const;

export function costColour(category: string): string {
  const known = (COST_COLOURS as Readonly<Record<string, string>>)[category];
  if (known !== undefined) return known;
  let hash = 0;
  for (const char of category) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return FALLBACK[hash % FALLBACK.length]!;
}
