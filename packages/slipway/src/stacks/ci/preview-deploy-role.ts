import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ciHostOf } from '../../model/ci-host.js';
import type { AppModel } from '../../model/types.js';
import type { TrustedJobs } from './ci-identity.js';
import { grantProvisionerRuns } from './provisioner-permissions.js';
import { regionFacts } from '../shared/partition.js';
import { cdkPreviewBootstrapRoleNames, previewDeployRoleName } from '../shared/resource-names.js';

/**
 * The role GitLab's preview jobs deploy with (decision 023). Its trust admits every branch of the
 * preview patterns, so it is kept apart from the copied environment's deploy role, whose trust
 * stays one exact branch. What it may do is what `slipway preview up/down/prune` does: assume the
 * copied environment's CDK deploy, file-publishing and lookup roles (named one by one, no image
 * publishing) and run that environment's database provisioner. The CDK deploy role hands the
 * deploy to CloudFormation's execution role, so in that account and region this role reaches what
 * CloudFormation can (IAM included); validation keeps the CI stack and production out of that account.
 */
export function previewDeployRole(scope: Construct, model: AppModel, trusted: TrustedJobs): iam.Role {
  const name = model.delivery?.preview?.environment;
  const env = model.environments.find((e) => e.name === name);
  if (env === undefined) throw new Error(`Previews copy '${String(name)}', which is not an environment.`);
  const role = new iam.Role(scope, 'PreviewDeployRole', {
    roleName: previewDeployRoleName(model.app, ciHostOf(model)),
    description: trusted.description,
    assumedBy: trusted.principal,
    maxSessionDuration: Duration.hours(1),
  });
  trusted.extend?.(role);
  const { partition } = regionFacts(env.region);
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'AssumeCdkBootstrapRolesForPreviews',
      actions: ['sts:AssumeRole'],
      resources: cdkPreviewBootstrapRoleNames(env.account, env.region).map(
        (roleName) => `arn:${partition}:iam::${env.account}:role/${roleName}`,
      ),
    }),
  );
  grantProvisionerRuns(role, model.app, env);
  new CfnOutput(scope, 'PreviewDeployRoleArn', {
    description: `Role the preview jobs assume to deploy previews of ${env.name}`,
    value: role.roleArn,
  });
  return role;
}
