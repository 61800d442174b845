import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { EnvironmentModel, GitlabModel } from '../../model/types.js';

/**
 * GitLab's OIDC issuer is the instance itself (`https://gitlab.com` or a self-managed host). The
 * audience a job asks for in `id_tokens` is the same URL, as GitLab's AWS guide sets it, so a
 * provider created by hand from that guide can be reused with `existingOidcProviderArn`.
 */
export function gitlabIssuer(gitlab: GitlabModel): string {
  return `https://${gitlab.host}`;
}

/** The audience every generated job requests and every role pins. */
export function gitlabAudience(gitlab: GitlabModel): string {
  return gitlabIssuer(gitlab);
}

/** The account's OIDC provider for the GitLab instance: native `AWS::IAM::OIDCProvider`, or the existing one. */
export function gitlabOidcProvider(scope: Construct, gitlab: GitlabModel): iam.IOidcProvider {
  if (gitlab.existingOidcProviderArn) {
    return iam.OidcProviderNative.fromOidcProviderArn(
      scope,
      'GitlabOidcProvider',
      gitlab.existingOidcProviderArn,
    );
  }
  return new iam.OidcProviderNative(scope, 'GitlabOidcProvider', {
    url: gitlabIssuer(gitlab),
    clientIds: [gitlabAudience(gitlab)],
  });
}

/**
 * `StringEquals` on `aud` and `sub`, no wildcards: only pipelines of exactly this project on
 * exactly these refs. IAM reads only `aud` and `sub` from a generic OIDC provider's token, and
 * GitLab's `sub` holds the project and the ref but never the environment, so the ref is what
 * separates environments here (decision 019).
 */
export function gitlabPrincipal(
  provider: iam.IOidcProvider,
  gitlab: GitlabModel,
  subjects: readonly string[],
): iam.WebIdentityPrincipal {
  return new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
    StringEquals: {
      [`${gitlab.host}:aud`]: gitlabAudience(gitlab),
      [`${gitlab.host}:sub`]: subjects.length === 1 ? subjects[0] : [...subjects],
    },
  });
}

/**
 * The one wildcard trust Slipway writes (decision 023): `StringEquals` on `aud`, `StringLike` on
 * `sub` with one subject per `delivery.previewBranches` pattern (`feat/*` → `…:ref:feat/*`). The
 * `*` can only stand for the rest of a branch name that starts with the pattern's prefix, since
 * the project and the ref type come before it. Only the preview roles get it; Slipway-IAM5 refuses
 * it anywhere else.
 */
export function gitlabPreviewPrincipal(
  provider: iam.IOidcProvider,
  gitlab: GitlabModel,
  patterns: readonly string[],
): iam.WebIdentityPrincipal {
  const subjects = patterns.map((pattern) => gitlabBranchSubject(gitlab.project, pattern));
  return new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
    StringEquals: { [`${gitlab.host}:aud`]: gitlabAudience(gitlab) },
    StringLike: { [`${gitlab.host}:sub`]: subjects.length === 1 ? subjects[0] : subjects },
  });
}

/** `sub` of a job in a pipeline for a branch (GitLab's default `ci_id_token_sub_claim_components`). */
export function gitlabBranchSubject(project: string, branch: string): string {
  return `project_path:${project}:ref_type:branch:ref:${branch}`;
}

/**
 * The branch whose pipelines deploy an environment: production from the protected production
 * branch, every other environment from the main branch, so no main-branch job can reach production.
 */
export function gitlabDeployBranch(gitlab: GitlabModel, env: Pick<EnvironmentModel, 'production'>): string {
  return env.production ? gitlab.productionBranch : gitlab.mainBranch;
}
