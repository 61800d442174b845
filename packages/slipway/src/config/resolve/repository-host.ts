import type { GithubModel, GitlabModel } from '../../model/types.js';
import type { GithubConfig, GitlabConfig } from '../schema.js';
import { GITLAB_DEFAULTS } from './defaults.js';

/** The GitHub repository the CI identity trusts, defaults filled in. */
export function resolveGithub(github: GithubConfig): GithubModel {
  return {
    repository: github.repository,
    mainBranch: github.mainBranch ?? 'main',
    ...(github.existingOidcProviderArn === undefined
      ? {}
      : { existingOidcProviderArn: github.existingOidcProviderArn }),
  };
}

/** The GitLab project the CI identity trusts, defaults filled in. */
export function resolveGitlab(gitlab: GitlabConfig): GitlabModel {
  return {
    project: gitlab.project,
    host: gitlab.host ?? GITLAB_DEFAULTS.host,
    mainBranch: gitlab.mainBranch ?? GITLAB_DEFAULTS.mainBranch,
    productionBranch: gitlab.productionBranch ?? GITLAB_DEFAULTS.productionBranch,
    ...(gitlab.existingOidcProviderArn === undefined
      ? {}
      : { existingOidcProviderArn: gitlab.existingOidcProviderArn }),
  };
}
