import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { allowCloudWatchLogs } from '../shared/kms-logs-access.js';

export interface ImageDefinitionsProjectProps {
  /** Prefixes the project name. */
  readonly app: string;
  /** Encrypts the project's artifacts (the pipeline's artifact key). */
  readonly encryptionKey: kms.IKey;
  /**
   * Encrypts the build logs; its policy is extended to let CloudWatch Logs use it in this stack's
   * account and region.
   */
  readonly logsKey: kms.Key;
  /** Days the build logs are kept. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * The CodeBuild step between the ECR source and the ECS deploy (seed 004): turns the source's
 * `imageDetail.json` into the `imagedefinitions.json` the ECS deploy action reads. `CONTAINER`
 * (the service's container name) is set per pipeline. Nothing is built: a minute of the smallest
 * ARM instance per release.
 * Cost: $0.0034 per build minute (arm1.small, general1 on Linux), $0.50 per GB of logs; a release
 * logs a few lines.
 */
export function imageDefinitionsProject(
  scope: Construct,
  props: ImageDefinitionsProjectProps,
): codebuild.PipelineProject {
  const { region, account } = Stack.of(scope);
  allowCloudWatchLogs(props.logsKey, region, account);
  const logGroup = new logs.LogGroup(scope, 'ImageDefinitionsLogs', {
    retention: props.logRetention,
    encryptionKey: props.logsKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const project = new codebuild.PipelineProject(scope, 'ImageDefinitions', {
    projectName: `${props.app}-image-definitions`,
    description: 'Writes imagedefinitions.json from the ECR source for the ECS deploy action',
    environment: {
      buildImage: codebuild.LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0,
      computeType: codebuild.ComputeType.SMALL,
    },
    encryptionKey: props.encryptionKey,
    timeout: Duration.minutes(10),
    logging: { cloudWatch: { logGroup } },
    buildSpec: codebuild.BuildSpec.fromObject({
      version: '0.2',
      phases: {
        build: {
          commands: [
            'test -n "$CONTAINER"',
            // The ECR source action writes the pushed image's digest-pinned URI here.
            'IMAGE_URI="$(jq -r .ImageURI imageDetail.json)"',
            'printf \'[{"name":"%s","imageUri":"%s"}]\' "$CONTAINER" "$IMAGE_URI" > imagedefinitions.json',
            'cat imagedefinitions.json',
          ],
        },
      },
      artifacts: { files: ['imagedefinitions.json'] },
    }),
  });
  return project;
}
