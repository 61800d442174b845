import { type CfnElement, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import { regionFacts } from '../shared/partition.js';

export interface CanaryRoleProps {
  /** The environment's canary names; each may write only its own Lambda's logs. */
  readonly canaryNames: readonly string[];
  /** Where the canaries write their artifacts. */
  readonly artifacts: s3.IBucket;
}

/**
 * The one role the environment's canaries run as, with what AWS lists for a canary and nothing
 * more: its artifacts into the bucket, its metrics into the `CloudWatchSynthetics` namespace, its
 * Lambda's logs into `/aws/lambda/cwsyn-<canary>-*`. No VPC access and no X-Ray: the canaries run
 * outside the VPC, without active tracing.
 */
export function canaryRole(scope: Construct, id: string, props: CanaryRoleProps): iam.Role {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Runs the uptime canaries of ${stack.stackName}`,
  });
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [props.artifacts.arnForObjects('*')],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [props.artifacts.bucketArn] }),
  );
  // Synthetics lists the account's buckets before it uploads; the action has no resource to name.
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] }));
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': 'CloudWatchSynthetics' } },
    }),
  );
  // Plain strings, not pseudo parameters: the acknowledgements below name these exact ARNs.
  const { partition } = regionFacts(stack.region);
  const logGroupArn = (name: string) =>
    `arn:${partition}:logs:${stack.region}:${stack.account}:log-group:/aws/lambda/cwsyn-${name}-*`;
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: props.canaryNames.map(logGroupArn),
    }),
  );
  const bucketLogicalId = stack.resolve(stack.getLogicalId(props.artifacts.node.defaultChild as CfnElement));
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`,
    "Synthetics names each run's artifact keys itself (prefix, region, canary, date and time), so the " +
      'canaries may put any object into their own artifacts bucket and nothing else, and never read or delete one.',
  );
  for (const name of props.canaryNames) {
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${logGroupArn(name)}]`,
      `Synthetics makes the canary's Lambda function as cwsyn-${name}-<id>, with an id it picks when the ` +
        "canary is created, so its log group is named up to that id: this canary's logs and no other.",
    );
  }
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    'Two actions Synthetics needs take no resource: s3:ListAllMyBuckets, and cloudwatch:PutMetricData, ' +
      'which a condition limits to the CloudWatchSynthetics namespace.',
  );
  return role;
}
