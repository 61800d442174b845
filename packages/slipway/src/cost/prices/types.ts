/**
 * Shapes of the bundled price table. Every figure carries where it came from and when, so an
 * estimate can say how sure it is, and `docs/pricing.md` can show the provenance of each number.
 */

/**
 * Provenance tags, as in the project's cost reference:
 * - `OFF`: an AWS page, blog, doc or AWS-owned repository.
 * - `OFF-T`: AWS pricing-page text quoted by a third party.
 * - `PL`: built from AWS's price list (infracost output or a copy of the price list).
 * - `3P`: a third party.
 * - `UNV`: no source found; the best-known figure.
 * - `DERIVED`: computed from another figure in this table (see the entry's note).
 * - `ASSUMED`: taken over from another region without a source for this one.
 */
export type PriceSource = 'OFF' | 'OFF-T' | 'PL' | '3P' | 'UNV' | 'DERIVED' | 'ASSUMED';

/** One figure of the table. */
export interface Price {
  /** US dollars per `unit` (for a factor: the factor itself). */
  readonly usd: number;
  /** What one `usd` buys, e.g. `vCPU-hour`, `GB-month`. */
  readonly unit: string;
  /** Provenance tag. */
  readonly source: PriceSource;
  /** Where the figure was read, in words. */
  readonly reference: string;
  /** When it was found or last checked: `YYYY` or `YYYY-MM`. */
  readonly date: string;
  /** False for best-known figures, assumptions and figures derived for a region without a primary source. */
  readonly verified: boolean;
  /** How an assumed or derived figure was reached. */
  readonly note?: string;
}

/** Figures every region's table has, keyed by what they price. */
export interface RegionPrices {
  readonly 'fargate.x86.vcpu-hour': Price;
  readonly 'fargate.x86.gb-hour': Price;
  readonly 'fargate.arm.vcpu-hour': Price;
  readonly 'fargate.arm.gb-hour': Price;
  /** Ephemeral storage beyond the 20 GiB every task gets free. */
  readonly 'fargate.ephemeral.gb-hour': Price;
  /** Fargate Spot as a share of the on-demand price. */
  readonly 'fargate.spot-factor': Price;
  readonly 'ipv4.address-hour': Price;
  readonly 'nat.hour': Price;
  readonly 'nat.gb': Price;
  readonly 'alb.hour': Price;
  readonly 'alb.lcu-hour': Price;
  readonly 'rds.gp3.gb-month': Price;
  readonly 'rds.gp2.gb-month': Price;
  readonly 'secretsmanager.secret-month': Price;
  readonly 'ssm.advanced-parameter-month': Price;
  readonly 'logs.ingested-gb': Price;
  readonly 'logs.stored-gb-month': Price;
  readonly 'cloudwatch.alarm-metric-month': Price;
  readonly 'cloudwatch.high-resolution-alarm-metric-month': Price;
  /** A composite alarm, whatever the number of alarms its rule names. */
  readonly 'cloudwatch.composite-alarm-month': Price;
  /** A dashboard; an account's first three (up to 50 metrics each) are free. */
  readonly 'cloudwatch.dashboard-month': Price;
  /** A custom metric (metric filters, standard Container Insights), first tier. */
  readonly 'cloudwatch.custom-metric-month': Price;
  /** Container Insights with enhanced observability: per million observations, first tier. */
  readonly 'cloudwatch.container-insights-observation-million': Price;
  /** CloudWatch Synthetics: per canary run, whatever the runtime (its Lambda time is in the price). */
  readonly 'synthetics.canary-run': Price;
  /** X-Ray: traces recorded, and traces retrieved or scanned, per million. */
  readonly 'xray.traces-recorded-million': Price;
  readonly 'xray.traces-retrieved-million': Price;
  /** Datadog, billed by Datadog: Infrastructure and APM per concurrent Fargate task, per month. */
  readonly 'datadog.fargate-task-month': Price;
  readonly 'datadog.apm-fargate-task-month': Price;
  readonly 'ecr.gb-month': Price;
  readonly 'kms.key-month': Price;
  readonly 'route53.hosted-zone-month': Price;
  readonly 'cloudmap.registered-instance-month': Price;
  readonly 'vpc.interface-endpoint-az-hour': Price;
  /** ElastiCache for Valkey, on-demand, per node-hour (`cache.t4g.micro` and its neighbours). */
  readonly 'elasticache.t4g.micro.node-hour': Price;
  readonly 'elasticache.t4g.small.node-hour': Price;
  readonly 'elasticache.t4g.medium.node-hour': Price;
  /** An EKS cluster's control plane in standard support, per hour. */
  readonly 'eks.cluster-hour': Price;
  /** EBS General Purpose SSD (gp3) volume storage, e.g. an EKS node's root volume. */
  readonly 'ebs.gp3.gb-month': Price;
  /** DynamoDB on-demand, Standard table class: per million write and read request units. */
  readonly 'dynamodb.write-million': Price;
  readonly 'dynamodb.read-million': Price;
  /** DynamoDB Standard table storage, and continuous backups (point-in-time recovery) of it. */
  readonly 'dynamodb.gb-month': Price;
  readonly 'dynamodb.pitr.gb-month': Price;
  /** Cognito user pools, Essentials tier, per monthly active user above the free tier. */
  readonly 'cognito.essentials.mau-month': Price;
  /** Cognito machine-to-machine: per app client with the client-credentials grant, and per 1,000 token requests. */
  readonly 'cognito.m2m.client-month': Price;
  readonly 'cognito.m2m.token-requests-1k': Price;
  /** AWS Lambda: per million requests, and per GB-second of duration on arm64 and on x86_64 (first tier). */
  readonly 'lambda.request-million': Price;
  readonly 'lambda.arm.gb-second': Price;
  readonly 'lambda.x86.gb-second': Price;
  /** Amazon SQS standard queues: per million requests (sends, receives, deletes; 64 KB chunks). */
  readonly 'sqs.standard.request-million': Price;
  /** Amazon SNS standard topics: per million publish requests (64 KB chunks); deliveries to SQS are free. */
  readonly 'sns.publish-million': Price;
  /** CloudFront, United States and Europe edges: per 10,000 HTTPS requests, and per GB out to viewers (first 10 TB). */
  readonly 'cloudfront.https-request-10k': Price;
  readonly 'cloudfront.transfer-out-gb': Price;
  /** AWS WAF: per web ACL a month, per rule (a managed group counts as one) a month, per million requests inspected. */
  readonly 'waf.web-acl-month': Price;
  readonly 'waf.rule-month': Price;
  readonly 'waf.request-million': Price;
  /** API Gateway HTTP APIs: per million requests (512 KB each), the first 300 million a month and beyond. */
  readonly 'apigateway.http.request-million': Price;
  readonly 'apigateway.http.request-million-over-300m': Price;
  /** An HTTP API's VPC link (V2): no charge of its own found, so a $0 figure marked unverified. */
  readonly 'apigateway.vpc-link-month': Price;
  /** EC2 Spot as a share of the on-demand price: an assumption, the Spot price floats. */
  readonly 'ec2.spot-factor': Price;
}

export type PriceKey = keyof RegionPrices;

/** How much dearer than us-east-1 a region is, for the figures it has no source for. */
export interface RegionalRatio {
  /** Rounded to two decimals: it is an average, not a price. */
  readonly factor: number;
  /** How the factor was reached, in words. */
  readonly basis: string;
}

/** The whole table for one region. */
export interface RegionPriceTable {
  /** AWS region code, e.g. `us-east-1`. */
  readonly region: string;
  /** AWS's name for it, e.g. `US East (N. Virginia)`. */
  readonly name: string;
  readonly prices: RegionPrices;
  /** Single-AZ RDS for PostgreSQL on-demand price per instance class; Multi-AZ is twice this. */
  readonly rdsInstanceHour: Readonly<Record<string, Price>>;
  /** EC2 Linux on-demand (shared tenancy) price per instance type; Spot is this × `ec2.spot-factor`. */
  readonly ec2InstanceHour: Readonly<Record<string, Price>>;
  /** The ratio that filled in the figures without a source; absent for us-east-1, the base. */
  readonly ratio?: RegionalRatio;
}
