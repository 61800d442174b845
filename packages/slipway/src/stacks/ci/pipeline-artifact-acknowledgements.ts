import type * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../checks/acknowledge.js';

/**
 * The findings a pipeline artifact bucket raises because of what it is for: CodePipeline's working
 * storage, where each release leaves two small zips (the ECR source's `imageDetail.json` and the
 * `imagedefinitions.json` CodeBuild writes from it) that one action hands to the next, and which
 * expire. Each reason says what the choice is, why, and what a team that needs more does instead.
 */

/** Shared by cdk-nag's S1 and Control Tower's S3.PR.2, which ask for the same thing. */
function serverAccessLoggingReason(expireAfterDays: number): string {
  return (
    'Holds only the artifacts CodePipeline passes between the actions of a release (imageDetail.json, ' +
    `imagedefinitions.json), which expire after ${expireAfterDays} days; only the pipeline role, the ` +
    "image-definitions build and the deploy roles touch them, and each release's executions and the roles " +
    "they assumed are in CloudTrail's management events. Server access logs would need a log bucket of " +
    'their own for a few reads per release. An account that must record every object read turns on ' +
    "CloudTrail data events for this bucket, which land in the account's existing trail."
  );
}

const NOTIFICATIONS_REASON =
  'Nothing consumes per-object events from this bucket: CodePipeline writes each artifact and hands its ' +
  'location to the next action itself, so an object landing here says nothing a release does not. ' +
  "A team that wants to react to releases subscribes to CodePipeline's execution state-change events " +
  'in EventBridge, which name the pipeline, the stage and the outcome.';

// Once on, object lock cannot be turned off, and S3 lifecycle expiration cannot delete a locked
// version (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html).
function objectLockReason(expireAfterDays: number): string {
  return (
    `These artifacts are intermediate files of a release, kept ${expireAfterDays} days, not records: what ` +
    "was deployed is in the pipeline's execution history and the ECS service's deployments, and who " +
    'changed what is in CloudTrail. Object lock cannot be turned off once a bucket has it, and S3 ' +
    'lifecycle cannot delete a locked version: a retention longer than the expiry would keep artifacts ' +
    'past it, and object lock without a retention would pass the control while protecting nothing. ' +
    'A team that must keep release evidence immutably copies it to an object-locked archive of its own.'
  );
}

/** Acknowledges, on a pipeline artifact bucket, the controls its purpose fails; see each reason. */
export function acknowledgeArtifactBucket(bucket: s3.Bucket, expireAfterDays: number): void {
  const logging = serverAccessLoggingReason(expireAfterDays);
  acknowledge(bucket, 'AwsSolutions-S1', logging);
  acknowledge(bucket, 'CT.S3.PR.2', logging);
  acknowledge(bucket, 'CT.S3.PR.4', NOTIFICATIONS_REASON);
  acknowledge(bucket, 'CT.S3.PR.9', objectLockReason(expireAfterDays));
}
