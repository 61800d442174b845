import { Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentModel } from '../../model/types.js';
import { environmentLogGroup } from '../shared/log-group.js';
import { regionFacts } from '../shared/partition.js';

/**
 * CloudFront's standard access logs (v2) into a CloudWatch log group of the edge stack, as JSON.
 * Legacy logging would need an S3 bucket with ACLs enabled (a finding of its own); v2 is three
 * CloudWatch Logs objects, none of them a custom resource: the distribution as a delivery source,
 * the log group as a destination, and the delivery between them. CloudFront's delivery source
 * must be in us-east-1, like the stack. The group uses AWS-owned encryption: the environment's
 * logs key, when it has one, lives in its own region.
 * Cost: vended logs to CloudWatch at $0.50 per GB (inside the environment's `logGbPerMonth`).
 */
export function distributionAccessLogs(
  scope: Construct,
  props: { name: string; distribution: cloudfront.Distribution; environment: EnvironmentModel },
): logs.LogGroup {
  const { name, distribution, environment: env } = props;
  const stack = Stack.of(scope);
  const { partition } = regionFacts(stack.region);
  const logGroupName = `/aws/vendedlogs/cloudfront/${name}`;
  const group = environmentLogGroup(scope, 'AccessLogs', {
    logGroupName,
    retentionDays: env.logRetentionDays,
    retentionPath: `environments.${env.name}.logRetentionDays`,
    production: env.production,
    environmentName: env.name,
    encryptionKey: undefined,
    logicalId: 'EdgeAccessLogs',
  });
  const source = new logs.CfnDeliverySource(scope, 'AccessLogSource', {
    name: `${name}-cloudfront`,
    logType: 'ACCESS_LOGS',
    resourceArn: `arn:${partition}:cloudfront::${stack.account}:distribution/${distribution.distributionId}`,
  });
  const destination = new logs.CfnDeliveryDestination(scope, 'AccessLogDestination', {
    name: `${name}-cloudfront-logs`,
    outputFormat: 'json',
    destinationResourceArn: `arn:${partition}:logs:${stack.region}:${stack.account}:log-group:${logGroupName}`,
  });
  const delivery = new logs.CfnDelivery(scope, 'AccessLogDelivery', {
    deliverySourceName: source.name,
    deliveryDestinationArn: destination.attrArn,
  });
  // The delivery names its source by name, which CloudFormation does not see as a reference.
  delivery.addResourceDependency(source);
  return group;
}
