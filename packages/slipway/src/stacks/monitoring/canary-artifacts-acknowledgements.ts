import type * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../checks/acknowledge.js';

/**
 * The findings the canary artifacts bucket raises because of what it is for: reports and logs of
 * health-check runs, written by Synthetics and read only when someone looks into a failed run.
 * Each reason says what the choice is, why, and what a team that needs more does instead.
 */

/** Shared by cdk-nag's S1 and Control Tower's S3.PR.2, which ask for the same thing. */
const SERVER_ACCESS_LOGGING_REASON =
  "This bucket holds the uptime canaries' run reports; logging its own access to another bucket would " +
  'need a log bucket for a log bucket. An account that must record who reads or deletes these reports ' +
  "turns on CloudTrail data events for this bucket, which land in the account's existing trail.";

const NOTIFICATIONS_REASON =
  'Nothing consumes per-object events from this bucket: each canary run writes its report here, and the ' +
  'outcome that matters already reaches people through the SuccessPercent alarm on the alarm topic. ' +
  'Notifications with no consumer would pass the control without telling anyone anything.';

// Once on, object lock cannot be turned off, and S3 lifecycle expiration cannot delete a locked
// version (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html).
function objectLockReason(expireAfterDays: number): string {
  return (
    `These run reports are diagnostics kept ${expireAfterDays} days, not audit evidence: the metric and ` +
    'alarm history live in CloudWatch. Object lock cannot be turned off once a bucket has it, and S3 ' +
    'lifecycle cannot delete a locked version, so it would keep reports past their expiry for nothing.'
  );
}

/** Acknowledges, on the canary artifacts bucket, the controls its purpose fails; see each reason. */
export function acknowledgeCanaryArtifactsBucket(bucket: s3.Bucket, expireAfterDays: number): void {
  acknowledge(bucket, 'AwsSolutions-S1', SERVER_ACCESS_LOGGING_REASON);
  acknowledge(bucket, 'CT.S3.PR.2', SERVER_ACCESS_LOGGING_REASON);
  acknowledge(bucket, 'CT.S3.PR.4', NOTIFICATIONS_REASON);
  acknowledge(bucket, 'CT.S3.PR.9', objectLockReason(expireAfterDays));
}
