import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import type { EnvironmentModel } from '../../model/types.js';
import { regionFacts } from '../shared/partition.js';

/** The log group RDS enhanced monitoring writes to, one per account and region; RDS names it. */
export const ENHANCED_MONITORING_LOG_GROUP = 'RDSOSMetrics';

/**
 * The role RDS enhanced monitoring assumes to write OS metrics to CloudWatch Logs. It grants what
 * AWS's managed AmazonRDSEnhancedMonitoringRole policy grants, narrowed from every `RDS*` group in
 * every account and region to the one group in this environment's account and region.
 */
export function databaseMonitoringRole(scope: Construct, id: string, env: EnvironmentModel): iam.Role {
  const { partition } = regionFacts(env.region);
  const group = `arn:${partition}:logs:${env.region}:${env.account}:log-group:${ENHANCED_MONITORING_LOG_GROUP}`;
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('monitoring.rds.amazonaws.com'),
    description: `RDS enhanced monitoring of ${env.name}: writes OS metrics to ${ENHANCED_MONITORING_LOG_GROUP}`,
    inlinePolicies: {
      EnhancedMonitoring: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            sid: 'CreateMetricsGroup',
            actions: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy'],
            resources: [group],
          }),
          new iam.PolicyStatement({
            sid: 'WriteMetrics',
            actions: [
              'logs:CreateLogStream',
              'logs:PutLogEvents',
              'logs:DescribeLogStreams',
              'logs:GetLogEvents',
            ],
            resources: [`${group}:log-stream:*`],
          }),
        ],
      }),
    },
  });
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::${group}:log-stream:*]`,
    'RDS names one log stream per instance resource id inside RDSOSMetrics; the role reaches only ' +
      'the streams of that one group, in this account and region.',
  );
  return role;
}
