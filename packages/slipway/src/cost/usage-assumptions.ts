import type { UsageModel } from '../model/types.js';
import type { CostDriver, CostItem } from './cost-item.js';
import {
  EDGE_REQUEST_MILLIONS_DEFAULT,
  EDGE_TRANSFER_GB_DEFAULT,
} from './pricers/cloudfront-distribution.js';
import { COGNITO_USAGE_DEFAULTS } from './pricers/cognito.js';
import { HTTP_API_REQUEST_MILLIONS_DEFAULT } from './pricers/http-api.js';
import { FUNCTION_USAGE_DEFAULTS } from './pricers/lambda-function.js';
import { TOPIC_PUBLISH_MILLIONS_DEFAULT } from './pricers/sns-topic.js';
import { QUEUE_REQUEST_MILLIONS_DEFAULT } from './pricers/sqs-queue.js';
import { costDriverOf } from './summarize.js';

/** One usage figure an estimate assumed, as a reader of the numbers needs to see it. */
export interface UsageAssumption {
  /** The usage setting that changes it, e.g. `natGbPerMonth`. */
  readonly name: string;
  readonly value: number;
  /** e.g. `GB / month per NAT gateway`. */
  readonly unit: string;
  /** What the figure drives, so a reader knows which lines move with it. */
  readonly why?: string;
}

interface AssumptionSpec {
  readonly unit: string;
  readonly why: string;
  /** The drivers whose lines use the figure; none means every environment's running hours. */
  readonly drivers: readonly CostDriver[];
  /** The pricer's value when the model leaves the field out. */
  readonly fallback?: number;
}

/** In the order of `UsageModel`: the figures each pricer reads, and the lines they move. */
const SPECS: Readonly<Record<keyof UsageModel, AssumptionSpec>> = {
  hoursPerMonth: {
    unit: 'hours / month',
    why: 'how long everything billed by the hour runs',
    drivers: [],
  },
  albLcu: {
    unit: 'LCU (average)',
    why: 'the load balancer capacity units billed',
    drivers: ['Load balancer'],
  },
  logGbPerMonth: {
    unit: 'GB / month',
    why: 'logs ingested across the environment, counted once',
    drivers: ['CloudWatch Logs'],
  },
  natGbPerMonth: { unit: 'GB / month per NAT gateway', why: 'NAT data processing', drivers: ['NAT gateway'] },
  ecrGbPerRepository: { unit: 'GB per repository', why: 'image storage', drivers: ['ECR'] },
  authMonthlyActiveUsers: {
    unit: 'users / month',
    why: 'user pool sign-ins (the first 10,000 are free)',
    drivers: ['Cognito'],
    fallback: COGNITO_USAGE_DEFAULTS.monthlyActiveUsers,
  },
  authTokenRequestsPerMonth: {
    unit: 'token requests / month per machine client',
    why: 'machine-to-machine sign-ins',
    drivers: ['Cognito'],
    fallback: COGNITO_USAGE_DEFAULTS.tokenRequestsPerClient,
  },
  tableGbPerTable: { unit: 'GB per table', why: 'DynamoDB storage', drivers: ['DynamoDB'] },
  tableReadMillionsPerMonth: {
    unit: 'million reads / month per table',
    why: 'DynamoDB read requests',
    drivers: ['DynamoDB'],
  },
  tableWriteMillionsPerMonth: {
    unit: 'million writes / month per table',
    why: 'DynamoDB write requests',
    drivers: ['DynamoDB'],
  },
  functionCallMillionsPerMonth: {
    unit: 'million calls / month per function',
    why: 'Lambda requests and compute',
    drivers: ['Lambda'],
    fallback: FUNCTION_USAGE_DEFAULTS.callMillions,
  },
  functionAverageMs: {
    unit: 'ms per call (average)',
    why: 'Lambda compute',
    drivers: ['Lambda'],
    fallback: FUNCTION_USAGE_DEFAULTS.averageMs,
  },
  queueRequestMillionsPerMonth: {
    unit: 'million requests / month per queue',
    why: 'SQS sends, receives and deletes',
    drivers: ['SQS'],
    fallback: QUEUE_REQUEST_MILLIONS_DEFAULT,
  },
  topicPublishMillionsPerMonth: {
    unit: 'million messages / month per topic',
    why: 'SNS publishes',
    drivers: ['SNS'],
    fallback: TOPIC_PUBLISH_MILLIONS_DEFAULT,
  },
  edgeRequestMillionsPerMonth: {
    unit: 'million requests / month',
    why: 'CloudFront and WAF requests',
    drivers: ['CloudFront', 'WAF'],
    fallback: EDGE_REQUEST_MILLIONS_DEFAULT,
  },
  edgeTransferGbPerMonth: {
    unit: 'GB / month',
    why: 'CloudFront transfer to viewers',
    drivers: ['CloudFront'],
    fallback: EDGE_TRANSFER_GB_DEFAULT,
  },
  httpApiRequestMillionsPerMonth: {
    unit: 'million requests / month per environment',
    why: 'API Gateway HTTP API requests, shared by its HTTP APIs',
    drivers: ['API Gateway'],
    fallback: HTTP_API_REQUEST_MILLIONS_DEFAULT,
  },
};

/**
 * The usage figures behind an environment's estimate, with the value the pricers used (the
 * model's, or the pricer's default where the model leaves one out). Given the environment's cost
 * items, only the figures that some item's driver reads are listed: a page about an environment
 * without queues need not explain queue traffic.
 */
export function listUsageAssumptions(usage: UsageModel, items?: readonly CostItem[]): UsageAssumption[] {
  const drivers = items && new Set(items.filter((item) => item.usd > 0).map(costDriverOf));
  const rows: UsageAssumption[] = [];
  for (const [name, spec] of Object.entries(SPECS) as [keyof UsageModel, AssumptionSpec][]) {
    if (drivers && spec.drivers.length > 0 && !spec.drivers.some((driver) => drivers.has(driver))) continue;
    const value = usage[name] ?? spec.fallback;
    if (value === undefined) continue;
    rows.push({ name, value, unit: spec.unit, why: spec.why });
  }
  return rows;
}
