import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledgeCanaryArtifactsBucket } from './canary-artifacts-acknowledgements.js';

export interface CanaryArtifactsBucketProps {
  /** Days a run's artifacts are kept before they expire. */
  readonly expireAfterDays: number;
}

/**
 * Where the environment's canaries write each run's report and log: encrypted under AWS's key for
 * S3 (`aws:kms` with `aws/s3`, whose key policy already lets the account's principals use it through
 * S3, so the canary role needs no KMS grant and the environment pays for no key), TLS only, no
 * public access, objects owned by the bucket, artifacts expiring. It outlives the stack: emptying
 * it on delete would take a Lambda-backed custom resource. Cost: a few kilobytes a run, cents a month.
 */
export function canaryArtifactsBucket(
  scope: Construct,
  id: string,
  props: CanaryArtifactsBucketProps,
): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.KMS_MANAGED,
    bucketKeyEnabled: true,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    // Control Tower asks for versions (CT.S3.PR.11); a replaced report is kept one day, no longer.
    versioned: true,
    lifecycleRules: [
      { id: 'expire-canary-artifacts', expiration: Duration.days(props.expireAfterDays) },
      { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(1) },
      // S3 refuses a delete-marker cleanup in the same rule as an expiration in days.
      { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
  });
  acknowledgeCanaryArtifactsBucket(bucket, props.expireAfterDays);
  return bucket;
}
