import { Stack } from 'aws-cdk-lib';
import type * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';

/**
 * The wildcards CodePipeline's own grants carry, acknowledged one finding at a time on the role
 * they are on. CDK writes these policies for the pipeline, the build step and the deploy action,
 * and which bucket, key and account each names depends on the account layout (a deploy role in
 * another account in the same region reads the CI account's bucket; in another region it reads a
 * replica). So the findings are read from the role's own policies, and each one is acknowledged
 * only when it is of a kind listed here, with the reason that kind is bounded; any other wildcard
 * stays an open finding.
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

/** What a role of the pipelines may be granted with a wildcard. */
interface Expected {
  /** The app's artifact buckets: access to the objects of whichever of them the role's policy names. */
  readonly buckets: readonly s3.IBucket[];
  /** The role runs the ECS deploy action, whose calls have no resource-level permissions. */
  readonly deploys: boolean;
}

/** The pipeline role: artifact buckets in every region, the deploy action when it runs in this account. */
export function acknowledgePipelineRole(role: IConstruct, buckets: readonly s3.IBucket[]): void {
  acknowledgeWildcards(role, { buckets, deploys: true });
}

/** The image-definitions build: its artifact bucket and key, its log group and report groups. */
export function acknowledgeImageDefinitionsRole(
  project: codebuild.PipelineProject,
  bucket: s3.IBucket,
): void {
  acknowledgeWildcards(project, { buckets: [bucket], deploys: false });
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
export function acknowledgeDeployActionRole(role: IConstruct, buckets: readonly s3.IBucket[]): void {
  acknowledgeWildcards(role, { buckets, deploys: true });
}

function acknowledgeWildcards(scope: IConstruct, expected: Expected): void {
  for (const [finding, reason] of wildcardFindings(scope, expected)) {
    if (reason !== undefined) acknowledge(scope, iam5(finding), reason);
  }
}

/**
 * The IAM5 findings cdk-nag will raise on the policies below `scope` (every wildcard action and
 * resource of an Allow, printed as cdk-nag prints them), each with its reason when it is expected.
 * The policy is rendered, not resolved: resolving would freeze its statements.
 */
function wildcardFindings(scope: IConstruct, expected: Expected): Map<string, string | undefined> {
  const findings = new Map<string, string | undefined>();
  for (const policy of scope.node.findAll().filter((c): c is iam.Policy => c instanceof iam.Policy)) {
    const stack = Stack.of(policy);
    const document = policy.document.toJSON() as { Statement?: readonly RenderedStatement[] } | undefined;
    for (const statement of document?.Statement ?? []) {
      if (statement.Effect !== 'Allow') continue;
      for (const action of list(statement.Action).filter((a) => a.includes('*'))) {
        findings.set(`Action::${action}`, actionReason(action));
      }
      for (const resource of list(statement.Resource)) {
        const text = nagText(stack.resolve(resource));
        if (!text.includes('*')) continue;
        findings.set(`Resource::${text}`, resourceReason(resource, expected));
      }
    }
  }
  return findings;
}

interface RenderedStatement {
  readonly Effect?: string;
  readonly Action?: string | readonly string[];
  readonly Resource?: string | readonly string[];
}

function actionReason(action: string): string | undefined {
  if (S3_ACTIONS.includes(action)) return S3_REASON;
  if (KMS_ACTIONS.includes(action)) return KMS_REASON;
  return undefined;
}

/** `resource` as CDK wrote it: a bucket's objects are recognised by the bucket's own ARN token. */
function resourceReason(resource: string, expected: Expected): string | undefined {
  if (resource === '*') return expected.deploys ? DEPLOY_REASON : undefined;
  return expected.buckets.some((bucket) => bucket.arnForObjects('*') === resource)
    ? OBJECTS_REASON
    : undefined;
}

function list(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
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
