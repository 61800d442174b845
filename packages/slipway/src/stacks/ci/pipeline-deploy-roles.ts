import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { GITHUB_OIDC_HOST, STS_AUDIENCE } from '../../checks/rules/iam/github-oidc.js';
import type { AppModel, DeployRoleModel } from '../../model/types.js';

/**
 * The GitHub environments whose jobs may assume one environment's deploy role: its own, plus the
 * preview environment when previews are copies of it. Exactly these, so the trust policy names
 * every subject a generated job presents and nothing more.
 */
export function trustedEnvironments(model: AppModel, role: DeployRoleModel): string[] {
  const preview = model.delivery?.preview;
  return preview !== undefined && preview.environment === role.environment
    ? [role.githubEnvironment, preview.githubEnvironment]
    : [role.githubEnvironment];
}

/**
 * Lets a deploy role move image tags in the app's repositories through the ECR API (read a
 * manifest, put it under another tag): how a release reaches an environment whose CodePipeline
 * starts on its tag. No push of new layers, no delete.
 */
export function grantImagePromotion(role: iam.IGrantable, repositories: readonly ecr.IRepository[]): void {
  if (repositories.length === 0) return;
  role.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'MoveImageTags',
      actions: ['ecr:BatchGetImage', 'ecr:DescribeImages', 'ecr:PutImage'],
      resources: repositories.map((r) => r.repositoryArn),
    }),
  );
}

/**
 * Like `githubPrincipal`, for a role several GitHub environments may assume: `StringEquals` with
 * a list matches any one of the exact subjects, still with no wildcard.
 */
export function githubPrincipalForSubjects(
  provider: iam.IOidcProvider,
  subjects: readonly string[],
): iam.WebIdentityPrincipal {
  return new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
    StringEquals: {
      [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE,
      [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0] : [...subjects],
    },
  });
}
