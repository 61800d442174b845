/** What a cost line is counted under in the summary's top drivers and the report's cost chart. */
export type CostDriver =
  | 'Fargate'
  | 'Public IPv4'
  | 'NAT gateway'
  | 'Load balancer'
  | 'API Gateway'
  | 'RDS'
  | 'ElastiCache'
  | 'Cognito'
  | 'DynamoDB'
  | 'Lambda'
  | 'SQS'
  | 'SNS'
  | 'CloudFront'
  | 'WAF'
  | 'EKS'
  | 'EKS nodes'
  | 'Secrets Manager'
  | 'CloudWatch Logs'
  | 'CloudWatch alarms'
  | 'CloudWatch dashboards'
  | 'CloudWatch metrics'
  | 'Container Insights'
  | 'Synthetics'
  | 'X-Ray'
  | 'Datadog'
  | 'Elastic'
  | 'ECR'
  | 'KMS'
  | 'Private DNS'
  | 'VPC endpoints'
  | 'SSM parameters'
  | 'Not priced';

/** One priced line of an estimate. */
export interface CostItem {
  readonly stack: string;
  /** Logical id of the priced resource. */
  readonly resource: string;
  /** CloudFormation type, e.g. `AWS::RDS::DBInstance`. */
  readonly type: string;
  /** Monthly cost in US dollars. */
  readonly usd: number;
  /** How the figure was reached, e.g. `db.t4g.micro 730 h × $0.016 (AWS price list, 2026-07)`. */
  readonly basis: string;
  /** What the line is counted under (`Fargate`, `Public IPv4`); absent in plans written before it was kept. */
  readonly driver?: CostDriver;
}

/** Something an estimate could not price, and why: the total leaves it out. */
export interface UnpricedItem {
  /** `stack/resource`; absent when the whole environment could not be priced. */
  readonly resource?: string;
  /** CloudFormation type of the resource, when there is one. */
  readonly type?: string;
  readonly reason: string;
}
