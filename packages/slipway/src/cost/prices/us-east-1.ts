import type { Price, PriceSource, RegionPriceTable } from './types.js';
import { US_EAST_1_EC2 } from './us-east-1-ec2.js';
import { US_EAST_1_RDS } from './us-east-1-rds.js';

/** A figure with a source we could read. */
function listed(usd: number, unit: string, source: PriceSource, reference: string, date: string): Price {
  return { usd, unit, source, reference, date, verified: true };
}

/** A figure we could not trace to a primary source, or an assumption. */
function unverified(
  usd: number,
  unit: string,
  source: PriceSource,
  reference: string,
  date: string,
  note: string,
): Price {
  return { usd, unit, source, reference, date, verified: false, note };
}

/**
 * AWS lists node-based Valkey 20 % below Redis OSS for the same node type (the ElastiCache pricing
 * page and AWS's October 2024 Valkey announcement); the Redis OSS figure is the one sourced here.
 */
function valkeyNode(redisOssUsd: number): Price {
  return unverified(
    Number((redisOssUsd * 0.8).toPrecision(6)),
    'node-hour',
    'OFF-T',
    `ElastiCache Redis OSS on-demand $${redisOssUsd} per node-hour as cost guides quote the pricing page, less 20 % for Valkey`,
    '2026-12',
    "Redis OSS figure × 0.80, AWS's stated Valkey discount for node-based clusters",
  );
}

const FARGATE_PAGE = 'AWS Fargate pricing as quoted by Vantage and other cost guides';
const PRICE_LIST = 'infracost output built from the AWS price list; third-party listings agree';
const HTTP_API_WHITEPAPER =
  'AWS whitepaper "Best Practices for Designing Amazon API Gateway Private APIs and Private Integration" ' +
  '(2022-08), Cost optimization, table 4, HTTP API calls (us-east-1), metered in 512 KB increments';

/** US East (N. Virginia): the reference region, where most figures have a source. */
export const US_EAST_1: RegionPriceTable = {
  region: 'us-east-1',
  name: 'US East (N. Virginia)',
  prices: {
    'fargate.x86.vcpu-hour': listed(
      0.04048,
      'vCPU-hour',
      '3P',
      `${FARGATE_PAGE}; matches the AWS ECS pricing example ($0.000011244 per vCPU-second)`,
      '2026',
    ),
    'fargate.x86.gb-hour': listed(0.004445, 'GB-hour', '3P', FARGATE_PAGE, '2026'),
    'fargate.arm.vcpu-hour': listed(0.03238, 'vCPU-hour', '3P', FARGATE_PAGE, '2026'),
    'fargate.arm.gb-hour': listed(0.00356, 'GB-hour', '3P', FARGATE_PAGE, '2026'),
    'fargate.ephemeral.gb-hour': listed(
      0.000111,
      'GB-hour beyond 20 GiB',
      '3P',
      'Vantage Fargate pricing guide',
      '2026',
    ),
    'fargate.spot-factor': unverified(
      0.3,
      'share of on-demand',
      'OFF',
      'AWS Fargate pricing page: Spot runs "at up to a 70% discount"',
      '2026',
      'assumption: the Spot price floats; 0.30 × on-demand is its usual level',
    ),
    'ipv4.address-hour': listed(
      0.005,
      'address-hour',
      'OFF',
      'AWS public IPv4 address charge, in force since 2024-02-01, the same in every commercial region',
      '2024-02',
    ),
    'nat.hour': listed(0.045, 'gateway-hour', 'OFF-T', 'Amazon VPC pricing page text', '2026'),
    'nat.gb': listed(0.045, 'GB processed', 'OFF-T', 'Amazon VPC pricing page text', '2026'),
    'alb.hour': listed(
      0.0225,
      'load balancer-hour',
      'OFF-T',
      'Elastic Load Balancing pricing page text',
      '2026',
    ),
    'alb.lcu-hour': listed(0.008, 'LCU-hour', 'OFF-T', 'Elastic Load Balancing pricing page text', '2026'),
    'rds.gp3.gb-month': listed(0.115, 'GB-month', 'PL', PRICE_LIST, '2026'),
    'rds.gp2.gb-month': unverified(
      0.115,
      'GB-month',
      'UNV',
      'no source found',
      '2026',
      'best-known figure: RDS General Purpose SSD, same as gp3',
    ),
    'secretsmanager.secret-month': listed(
      0.4,
      'secret-month',
      'OFF-T',
      'AWS Secrets Manager pricing page text',
      '2026',
    ),
    'ssm.advanced-parameter-month': unverified(
      0.05,
      'parameter-month',
      'UNV',
      'no source found',
      '2026',
      'best-known figure for an advanced parameter; standard parameters are free',
    ),
    'logs.ingested-gb': listed(0.5, 'GB ingested', 'PL', PRICE_LIST, '2026'),
    'logs.stored-gb-month': listed(0.03, 'GB-month stored', 'PL', PRICE_LIST, '2026'),
    'cloudwatch.alarm-metric-month': listed(0.1, 'alarm metric-month', 'PL', PRICE_LIST, '2026'),
    'cloudwatch.high-resolution-alarm-metric-month': unverified(
      0.3,
      'alarm metric-month',
      'UNV',
      'no source found',
      '2026',
      'best-known figure for alarms on periods under 60 s',
    ),
    'cloudwatch.composite-alarm-month': listed(
      0.5,
      'composite alarm-month',
      'OFF',
      'Amazon CloudWatch pricing page, Alarms ("$0.50 per alarm month" for composite alarms)',
      '2026-12',
    ),
    'cloudwatch.dashboard-month': listed(
      3,
      'dashboard-month',
      'OFF',
      'Amazon CloudWatch pricing page, Dashboards ("$3.00 per dashboard per month"; 3 dashboards of up to 50 metrics each free per account)',
      '2026-12',
    ),
    'cloudwatch.custom-metric-month': listed(
      0.3,
      'metric-month',
      'OFF',
      'Amazon CloudWatch pricing page, Metrics (first 10,000 metrics $0.30 per metric-month, prorated by the hour)',
      '2026-12',
    ),
    'cloudwatch.container-insights-observation-million': unverified(
      0.21,
      'million observations',
      'UNV',
      'Amazon CloudWatch pricing page, Container Insights with enhanced observability ("a tiered pricing model based on observations"), figure as recalled, not read',
      '2026-12',
      'first-tier figure per million observations; the tiers and the observations a task makes a minute are not verified',
    ),
    'synthetics.canary-run': unverified(
      0.0012,
      'canary run',
      '3P',
      'CloudWatch pricing page (Synthetics) as cost write-ups quote it, e.g. mattsbit.co.uk 2023-11 and thomasstep.com',
      '2026-12',
      "not in the bundled price list; the price page's figure for US regions; the account's first 100 runs a month are free and ignored here",
    ),
    'xray.traces-recorded-million': listed(
      5,
      'million traces recorded',
      'OFF',
      'AWS X-Ray pricing page ("$5.00 per million traces recorded", $0.000005 a trace)',
      '2026-12',
    ),
    'xray.traces-retrieved-million': listed(
      0.5,
      'million traces retrieved or scanned',
      'OFF',
      'AWS X-Ray pricing page ("$0.50 per million traces retrieved or scanned")',
      '2026-12',
    ),
    'datadog.fargate-task-month': unverified(
      1.2,
      'Fargate task-month',
      '3P',
      "Datadog's list price for Infrastructure Pro per Fargate task, billed monthly, as a 2024-12 cost write-up (zenn.dev) tabulates it",
      '2026-12',
      'billed by Datadog, not AWS; $1 a task with an annual commitment; Datadog counts concurrent tasks',
    ),
    'datadog.apm-fargate-task-month': unverified(
      2.4,
      'Fargate task-month',
      '3P',
      "Datadog's APM price per Fargate task, billed monthly (the same write-up); Datadog's billing docs give $2 a task on an annual plan",
      '2026-12',
      'billed by Datadog, not AWS; includes 65,000 indexed spans and 10 GB of ingested spans a task',
    ),
    'ecr.gb-month': listed(0.1, 'GB-month', '3P', 'ECR storage price in third-party guides', '2026'),
    'kms.key-month': unverified(
      1,
      'key-month',
      'UNV',
      'no source found',
      '2026',
      'best-known figure for a customer managed key',
    ),
    'route53.hosted-zone-month': unverified(
      0.5,
      'hosted zone-month',
      'UNV',
      'no source found',
      '2026',
      'best-known figure for the first 25 hosted zones; Cloud Map DNS namespaces create one',
    ),
    'cloudmap.registered-instance-month': unverified(
      0.1,
      'registered instance-month',
      'PL',
      'AWS price list (AWSCloudMap, CloudMapResource, effective 2025-08-01) via a public copy',
      '2025-08',
      'whether tasks that ECS registers are billed was not confirmed',
    ),
    'vpc.interface-endpoint-az-hour': unverified(
      0.01,
      'endpoint AZ-hour',
      'UNV',
      'approximate figure; no primary source found',
      '2026',
      'best-known figure per endpoint per availability zone',
    ),
    'elasticache.t4g.micro.node-hour': valkeyNode(0.016),
    'elasticache.t4g.small.node-hour': valkeyNode(0.032),
    'elasticache.t4g.medium.node-hour': valkeyNode(0.065),
    'eks.cluster-hour': unverified(
      0.1,
      'cluster-hour',
      'OFF-T',
      "Amazon EKS pricing, standard support, as AWS's version-support notices and cost guides quote it",
      '2026-12',
      'extended support (a version past its 14 months of standard support) costs $0.60 per cluster-hour',
    ),
    'dynamodb.write-million': unverified(
      0.625,
      'million write request units',
      'OFF-T',
      'Amazon DynamoDB on-demand pricing after the November 2024 price cut, as AWS announced it',
      '2026-12',
      'best-known figure for the Standard table class; transactional writes take two units',
    ),
    'dynamodb.read-million': unverified(
      0.125,
      'million read request units',
      'OFF-T',
      'Amazon DynamoDB on-demand pricing after the November 2024 price cut, as AWS announced it',
      '2026-12',
      'best-known figure for the Standard table class; an eventually consistent read takes half a unit',
    ),
    'dynamodb.gb-month': unverified(
      0.25,
      'GB-month',
      'OFF-T',
      'Amazon DynamoDB pricing page, Standard table class data storage',
      '2026-12',
      'best-known figure; the first 25 GB a month are free per account, which the estimate ignores',
    ),
    'dynamodb.pitr.gb-month': unverified(
      0.2,
      'GB-month',
      'OFF-T',
      'Amazon DynamoDB pricing page, continuous backups (point-in-time recovery)',
      '2026-12',
      'best-known figure, charged on the table size',
    ),
    'cognito.essentials.mau-month': unverified(
      0.015,
      'MAU-month',
      'OFF-T',
      'Amazon Cognito pricing page (aws.amazon.com/cognito/pricing) as transcribed by a third party on ' +
        '2026-09-20: Essentials $0.015 per MAU above a free tier of 10,000 MAUs a month per account; the ' +
        "page's own tables did not render for us",
      '2026-12',
      'the free tier is per account (or organization), shared by every Lite and Essentials pool in it',
    ),
    'cognito.m2m.client-month': unverified(
      6,
      'client-month',
      'UNV',
      'no source found; the figure cost guides give for an app client with the client-credentials grant',
      '2026-12',
      'best-known figure, prorated by the second; there is no free tier for machine-to-machine use',
    ),
    'cognito.m2m.token-requests-1k': unverified(
      2.25,
      '1,000 token requests',
      '3P',
      'Vantage, billing code CUPM2MTokenRequestsFull (updated 2025-04-27): "beginning at a rate of ' +
        '$2.250 per 1000 token requests" with graduated tiers',
      '2026-12',
      'the first tier; larger volumes cost less per request',
    ),
    'lambda.request-million': unverified(
      0.2,
      'million requests',
      '3P',
      'AWS Lambda pricing page, US East (N. Virginia), as cost guides (Cloudchipr, 2024) and public notes ' +
        'transcribe it: $0.20 per 1M requests, the same on x86 and Arm',
      '2026-12',
      'best-known figure; the first million requests a month are free per account, which the estimate ignores',
    ),
    'lambda.arm.gb-second': unverified(
      0.0000133334,
      'GB-second',
      '3P',
      'AWS Lambda pricing page, US East (N. Virginia), Arm, first 7.5 billion GB-seconds a month, as cost ' +
        'guides (Cloudchipr, 2024) transcribe it',
      '2026-12',
      'the first tier; 400,000 GB-seconds a month are free per account, which the estimate ignores',
    ),
    'lambda.x86.gb-second': unverified(
      0.0000166667,
      'GB-second',
      '3P',
      'AWS Lambda pricing page, US East (N. Virginia), x86, first 6 billion GB-seconds a month, as cost ' +
        'guides (Cloudchipr, 2024) transcribe it',
      '2026-12',
      'the first tier; 400,000 GB-seconds a month are free per account, which the estimate ignores',
    ),
    'sqs.standard.request-million': unverified(
      0.4,
      'million requests',
      'UNV',
      'no primary source read; the figure cost guides give for standard queues after the free tier',
      '2026-12',
      'best-known figure, first 100 billion requests; the first million a month are free per account',
    ),
    'sns.publish-million': unverified(
      0.5,
      'million publishes',
      'UNV',
      'no primary source read; the figure cost guides give for standard topics after the free tier',
      '2026-12',
      'best-known figure; the first million requests a month are free per account, and deliveries to SQS cost nothing',
    ),
    'cloudfront.https-request-10k': unverified(
      0.01,
      '10,000 HTTPS requests',
      'UNV',
      'no primary source read; the figure cost guides give for HTTPS requests served from United States and European edges',
      '2026-12',
      "best-known figure for PriceClass_100's edges; CloudFront's always-free tier (10 million requests a month per account) is ignored",
    ),
    'cloudfront.transfer-out-gb': unverified(
      0.085,
      'GB',
      'UNV',
      'no primary source read; the figure cost guides give for the first 10 TB a month out of United States and European edges',
      '2026-12',
      "best-known figure; CloudFront's always-free tier (1 TB a month per account) is ignored, and transfer from the origin to CloudFront is free",
    ),
    'waf.web-acl-month': unverified(
      5,
      'web ACL-month',
      'UNV',
      'no primary source read; the figure cost guides give for an AWS WAF web ACL',
      '2026-12',
      'best-known figure, prorated by the hour',
    ),
    'waf.rule-month': unverified(
      1,
      'rule-month',
      'UNV',
      'no primary source read; the figure cost guides give per rule, a managed rule group counting as one',
      '2026-12',
      'best-known figure; AWS managed groups carry no subscription fee beyond it (Bot Control and fraud groups do)',
    ),
    'waf.request-million': unverified(
      0.6,
      'million requests',
      'UNV',
      'no primary source read; the figure cost guides give per million requests a web ACL inspects',
      '2026-12',
      'best-known figure, for web ACLs under 1,500 capacity units',
    ),
    'apigateway.http.request-million': listed(
      1,
      'million requests',
      'OFF',
      `${HTTP_API_WHITEPAPER}: "First 300 million requests (per month): $1.00 (per million)"`,
      '2026-12',
    ),
    'apigateway.http.request-million-over-300m': listed(
      0.9,
      'million requests',
      'OFF',
      `${HTTP_API_WHITEPAPER}: "300+ million requests (per month): $0.90 (per million)"`,
      '2026-12',
    ),
    'apigateway.vpc-link-month': unverified(
      0,
      'VPC link-month',
      'UNV',
      'no charge found: the API Gateway pricing page bills HTTP APIs "only for the API calls you receive and the ' +
        'amount of data transferred out" and names PrivateLink charges only for private REST APIs; the whitepaper\'s ' +
        'hourly charge is the Network Load Balancer behind a V1 (REST) link (decision 027)',
      '2026-12',
      'an absence of a charge, not a statement of none; traffic between the link and the tasks is not priced',
    ),
    'ebs.gp3.gb-month': listed(
      0.08,
      'GB-month',
      'OFF-T',
      'Amazon EBS pricing page, gp3 example ("a region that charges $0.08 per GB-month"), as public ' +
        'repositories quote it; cost guides give it as the us-east-1 rate',
      '2026',
    ),
    'ec2.spot-factor': unverified(
      0.4,
      'share of on-demand',
      '3P',
      'AWS EC2 Spot pricing page: "up to 90% off" On-Demand; third-party studies of Spot price history ' +
        '(Pauley, "Farewell to the Era of Cheap EC2 Spot Instances", 2023-05; Cast AI, AWS Spot prices ' +
        '+21 % from 2022 to 2023; MemVerge/WaveRadar 2023: smallest discounts in us-east-1 and us-west-2, ' +
        'general purpose between compute and memory optimized)',
      '2026-12',
      'assumption: the Spot price floats by type, zone and month; 0.40 × on-demand (60 % off) is a ' +
        'cautious typical level for current Graviton and general-purpose types, dearer than the 0.30 ' +
        'assumed for Fargate Spot',
    ),
  },
  rdsInstanceHour: US_EAST_1_RDS,
  ec2InstanceHour: US_EAST_1_EC2,
};
