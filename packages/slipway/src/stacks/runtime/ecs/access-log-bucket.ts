import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledgeAccessLogBucket } from './access-log-bucket-acknowledgements.js';
import { pinLogicalId } from '../../shared/logical-ids.js';

/**
 * Days an overwritten or deleted log object is kept as a noncurrent version: long enough to undo
 * a mistaken delete, short enough that versioning adds at most a month of storage.
 */
export const NONCURRENT_VERSION_DAYS = 30;

export interface AccessLogBucketProps {
  /** Days a log object is kept before it expires. */
  readonly expireAfterDays: number;
}

/**
 * Where the load balancer writes its access logs: SSE-S3 (ALB log delivery cannot use KMS keys),
 * TLS only (a bucket policy denies plain HTTP), no public access, objects expire, and the bucket
 * outlives the stack. Versioned, so a deleted or overwritten log can be recovered for
 * `NONCURRENT_VERSION_DAYS`; expiring a log then leaves a delete marker, removed once no version is
 * left behind it. No
 * `autoDeleteObjects`: that is a Lambda-backed custom resource. Cost: S3 storage of the logs.
 */
export function accessLogBucket(scope: Construct, id: string, props: AccessLogBucketProps): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    versioned: true,
    lifecycleRules: [
      { id: 'expire-access-logs', expiration: Duration.days(props.expireAfterDays) },
      {
        id: 'expire-noncurrent-versions',
        noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
      },
      // S3 refuses a delete-marker cleanup in the same rule as an expiration in days.
      { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
  });
  pinLogicalId(bucket, 'AccessLogBucket');
  acknowledgeAccessLogBucket(bucket, props.expireAfterDays);
  return bucket;
}
