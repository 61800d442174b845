import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { GithubModel } from '../../model/types.js';

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

/**
 * The account's GitHub Actions OIDC provider: the native `AWS::IAM::OIDCProvider` (the older
 * `OpenIdConnectProvider` is a Lambda-backed custom resource), or the one the account already has.
 * An account holds one provider per issuer URL, hence `existingOidcProviderArn`.
 */
export function githubOidcProvider(scope: Construct, github: GithubModel): iam.IOidcProvider {
  if (github.existingOidcProviderArn) {
    return iam.OidcProviderNative.fromOidcProviderArn(
      scope,
      'GithubOidcProvider',
      github.existingOidcProviderArn,
    );
  }
  return new iam.OidcProviderNative(scope, 'GithubOidcProvider', {
    url: `https://${GITHUB_ISSUER}`,
    clientIds: ['sts.amazonaws.com'],
  });
}

/**
 * A principal only tokens for exactly this subject may use: `StringEquals` on both `aud` and `sub`,
 * no wildcards, so neither another repository nor another branch or environment can assume it.
 */
export function githubPrincipal(provider: iam.IOidcProvider, subject: string): iam.WebIdentityPrincipal {
  return new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
    StringEquals: {
      [`${GITHUB_ISSUER}:aud`]: 'sts.amazonaws.com',
      [`${GITHUB_ISSUER}:sub`]: subject,
    },
  });
}

/** `sub` of a workflow run on a push to `branch`. */
export function branchSubject(repository: string, branch: string): string {
  return `repo:${repository}:ref:refs/heads/${branch}`;
}

/** `sub` of a job that declares `environment: <name>`. */
export function environmentSubject(repository: string, environment: string): string {
  return `repo:${repository}:environment:${environment}`;
}
