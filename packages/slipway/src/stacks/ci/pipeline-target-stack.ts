import { Duration, PhysicalName, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { limitGrantsToAwsServices } from '../shared/kms-grants.js';
import { acknowledgeArtifactBucket } from './pipeline-artifact-acknowledgements.js';
import { pipelineTargetStackName } from './pipeline-names.js';
import { SlipwayStack } from '../shared/slipway-stack.js';

export interface PipelineTargetStackProps {
  readonly model: AppModel;
  /** The environment outside the CI account or region its pipelines deploy to. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-pipeline-target`, for an environment outside the CI account or region: the
 * encrypted bucket its pipelines' artifacts are copied to (CodePipeline reads artifacts in the
 * action's region), and the roles CodePipeline creates here to deploy the services (in another
 * account the deploy action can only run as a role of that account).
 * Cost: $1 a month for the key; the artifacts are a few bytes each, expire after 30 days and are
 * gone 30 days later.
 */
export class PipelineTargetStack extends SlipwayStack {
  /** Where the pipelines' artifacts are copied to in this region. */
  readonly artifacts: s3.Bucket;

  constructor(scope: Construct, props: PipelineTargetStackProps) {
    const { model, environment: env } = props;
    super(scope, {
      app: model.app,
      stackName: pipelineTargetStackName(model.app, env.name),
      account: env.account,
      region: env.region,
      environment: env.name,
      description: `Slipway ${model.app} ${env.name}: CodePipeline artifacts and deploy roles`,
    });
    this.artifacts = artifactBucket(this, `${model.app}-${env.name}-pipeline-artifacts`).bucket;
  }
}

/** Days an artifact is kept: a release reads its artifacts within the hour. */
const ARTIFACT_DAYS = 30;

/**
 * Days an expired or deleted artifact is kept as a noncurrent version: long enough to recover one
 * from a mistaken delete, and artifacts are a few bytes, so versioning costs next to nothing.
 */
const NONCURRENT_ARTIFACT_DAYS = 30;

/** A pipeline artifact bucket and the customer-managed key that encrypts it. */
export interface ArtifactStore {
  readonly bucket: s3.Bucket;
  readonly key: kms.Key;
}

/**
 * An encrypted, private, TLS-only, versioned bucket for pipeline artifacts, kept when its stack
 * goes (the kit never deletes a bucket), with the artifacts themselves expiring after a month and
 * their noncurrent versions a month later; an expired artifact's delete marker is removed once no
 * version is left behind it. Its key and bucket have names, because pipelines and roles in other
 * accounts refer to them.
 */
export function artifactBucket(scope: Construct, name: string): ArtifactStore {
  const key = new kms.Key(scope, 'ArtifactsKey', {
    description: `Encrypts ${name}`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  limitGrantsToAwsServices(key);
  const alias = new kms.Alias(scope, 'ArtifactsKeyAlias', {
    aliasName: `alias/${name}`,
    targetKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const bucket = new s3.Bucket(scope, 'Artifacts', {
    bucketName: PhysicalName.GENERATE_IF_NEEDED,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: alias,
    bucketKeyEnabled: true,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    removalPolicy: RemovalPolicy.RETAIN,
    versioned: true,
    lifecycleRules: [
      {
        expiration: Duration.days(ARTIFACT_DAYS),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
        noncurrentVersionExpiration: Duration.days(NONCURRENT_ARTIFACT_DAYS),
      },
      // S3 refuses a delete-marker cleanup in the same rule as an expiration in days.
      { expiredObjectDeleteMarker: true },
    ],
  });
  acknowledgeArtifactBucket(bucket, ARTIFACT_DAYS);
  return { bucket, key };
}
