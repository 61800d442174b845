import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { regionFacts } from './partition.js';

/**
 * Lets CloudWatch Logs use the key for the log groups of one account and region, and for nothing
 * else: a log group encrypted with a customer-managed key is encrypted by the service itself, which
 * the key policy must admit (the writers of the group need no KMS permission). The encryption
 * context condition is the one AWS documents for log groups, and it is what AWS Control Tower's
 * CT.CLOUDWATCH.PR.3 asks the key to allow.
 */
export function allowCloudWatchLogs(key: kms.Key, region: string, account: string): void {
  const { partition } = regionFacts(region);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*`,
        },
      },
    }),
  );
}
