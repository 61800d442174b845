import type * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../../checks/acknowledge.js';

/**
 * The findings the load balancer's access-log bucket raises because of what it is for: a bucket
 * Elastic Load Balancing writes diagnostics into, which expire. Each reason says what the choice is,
 * why, and what a team that needs more does instead.
 */

/** Shared by cdk-nag's S1 and Control Tower's S3.PR.2, which ask for the same thing. */
const SERVER_ACCESS_LOGGING_REASON =
  'This bucket holds the load balancer access logs; logging its own access to another bucket would ' +
  'need a log bucket for the log bucket. An account that must record who reads or deletes these logs ' +
  "turns on CloudTrail data events for this bucket, which land in the account's existing trail.";

// AWS documents it for Application Load Balancers: "The only server-side encryption option that's
// supported is Amazon S3-managed keys (SSE-S3)"
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
// CDK rejects a bucket with a KMS key in logAccessLogs() since aws/aws-cdk#29382.
const KMS_REASON =
  'Load balancer access-log delivery supports only S3-managed keys (SSE-S3) on the destination bucket, ' +
  'so this bucket cannot use a KMS key; the logs are still encrypted at rest, and the bucket policy ' +
  'denies requests without TLS. A team that must hold request logs under its own key copies them ' +
  'to a KMS-encrypted bucket of its own (S3 replication can re-encrypt with its key).';

const NOTIFICATIONS_REASON =
  'Nothing consumes per-object events from this bucket: each load balancer node writes a log object ' +
  'every five minutes, read only when someone investigates. Notifications with no consumer would pass ' +
  'the control without telling anyone anything. A team that ships these logs to a SIEM or an analytics ' +
  "pipeline subscribes it to the bucket, whose name is published with the environment's runtime values.";

// Once on, object lock cannot be turned off, and S3 lifecycle expiration cannot delete a locked
// version (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html).
function objectLockReason(expireAfterDays: number): string {
  return (
    `These access logs are diagnostics kept ${expireAfterDays} days, not audit evidence: the audit ` +
    'trail of who changed what is CloudTrail. Object lock cannot be turned off once a bucket has it, ' +
    'and S3 lifecycle cannot delete a locked version: a retention longer than the expiry would keep ' +
    'logs past it and hold back the cleanup of noncurrent versions, and object lock without a retention ' +
    'would pass the control while protecting nothing. A team whose compliance regime treats request ' +
    'logs as evidence replicates them to an object-locked archive of its own.'
  );
}

/** Acknowledges, on the access-log bucket, the controls its purpose fails; see each reason. */
export function acknowledgeAccessLogBucket(bucket: s3.Bucket, expireAfterDays: number): void {
  acknowledge(bucket, 'AwsSolutions-S1', SERVER_ACCESS_LOGGING_REASON);
  acknowledge(bucket, 'CT.S3.PR.2', SERVER_ACCESS_LOGGING_REASON);
  acknowledge(bucket, 'CT.S3.PR.10', KMS_REASON);
  acknowledge(bucket, 'CT.S3.PR.4', NOTIFICATIONS_REASON);
  acknowledge(bucket, 'CT.S3.PR.9', objectLockReason(expireAfterDays));
}
