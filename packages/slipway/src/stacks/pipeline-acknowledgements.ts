import { Stack } from 'aws-cdk-lib';
import type * as codebuild from 'aws-cdk-lib/aws-codebuild';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { acknowledge } from '../checks/acknowledge.js';

/**
 * The wildcards CodePipeline's own grants carry, acknowledged one finding at a time next to the
 * role they are on. CDK writes these policies for the pipeline, the build step and the deploy
 * action; each finding below says why its wildcard is bounded.
 */

const S3_ACTIONS = ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'];
const KMS_ACTIONS = ['kms:GenerateDataKey*', 'kms:ReEncrypt*'];

const S3_REASON =
  "CDK's read/write grant on the pipeline's artifact buckets only: the action wildcards are the Get, List, Delete and Abort variants CodePipeline needs to pass artifacts between actions.";
const KMS_REASON =
  "CDK's grant on the pipeline's artifact keys only: the wildcards are the GenerateDataKey and ReEncrypt variants used to write encrypted artifacts.";
const OBJECTS_REASON =
  'Objects of one artifact bucket: artifacts are written under keys CodePipeline chooses per execution.';
const DEPLOY_REASON =
  'The ECS deploy action registers task definitions and describes tasks, which have no resource-level permissions; iam:PassRole is limited to ecs-tasks and ec2; ' +
  "the grant on another account's replication key cannot name the key, whose id is only known there.";

/** The pipeline role: artifact buckets in every region, the deploy action when it runs in this account. */
export function acknowledgePipelineRole(role: IConstruct, buckets: readonly s3.IBucket[]): void {
  acknowledgeArtifactAccess(role, buckets, S3_ACTIONS);
  for (const action of KMS_ACTIONS) acknowledge(role, iam5(`Action::${action}`), KMS_REASON);
  acknowledge(role, iam5('Resource::*'), DEPLOY_REASON);
}

/** The image-definitions build: its artifact bucket and key, its log group and report groups. */
export function acknowledgeImageDefinitionsRole(
  project: codebuild.PipelineProject,
  bucket: s3.IBucket,
): void {
  acknowledgeArtifactAccess(project, [bucket], S3_ACTIONS);
  for (const action of KMS_ACTIONS) acknowledge(project, iam5(`Action::${action}`), KMS_REASON);
  const stack = Stack.of(project);
  const name = nagText(stack.resolve(project.projectName));
  acknowledge(
    project,
    iam5(
      `Resource::arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:/aws/codebuild/${name}:*`,
    ),
    "CodeBuild's default grant on its own log group's streams, whose names are only known at build time.",
  );
  acknowledge(
    project,
    iam5(
      `Resource::arn:${stack.partition}:codebuild:${stack.region}:${stack.account}:report-group/${name}-*`,
    ),
    "CodeBuild's default grant on the report groups named after this project; the build writes no reports.",
  );
}

/** A cross-account deploy action's role: it reads artifacts and runs the ECS deploy. */
export function acknowledgeDeployActionRole(role: IConstruct, bucket: s3.IBucket): void {
  acknowledgeArtifactAccess(role, [bucket], ['s3:GetBucket*', 's3:GetObject*', 's3:List*']);
  acknowledge(role, iam5('Resource::*'), DEPLOY_REASON);
}

function acknowledgeArtifactAccess(
  scope: IConstruct,
  buckets: readonly s3.IBucket[],
  actions: readonly string[],
) {
  for (const action of actions) acknowledge(scope, iam5(`Action::${action}`), S3_REASON);
  const stack = Stack.of(scope);
  for (const bucket of buckets) {
    acknowledge(
      scope,
      iam5(`Resource::${nagText(stack.resolve(bucket.arnForObjects('*')))}`),
      OBJECTS_REASON,
    );
  }
}

function iam5(finding: string): string {
  return `AwsSolutions-IAM5[${finding}]`;
}

/** How cdk-nag prints a resolved value in a finding: `<Id.Attr>` for GetAtt, `<Id>` for Ref, joins concatenated. */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(nagText).join('');
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.Ref === 'string') return `<${record.Ref}>`;
    const getAtt = record['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${getAtt.join('.')}>`;
    const join = record['Fn::Join'];
    if (Array.isArray(join)) return (join[1] as unknown[]).map(nagText).join(String(join[0]));
  }
  return JSON.stringify(value);
}
