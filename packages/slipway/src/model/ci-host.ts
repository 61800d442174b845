import type { AppModel, GithubModel, GitlabModel } from './types.js';

/**
 * The GitHub repository of a model whose pipelines run on GitHub. Code that only makes sense
 * there (the Actions workflows, previews, the EKS GitOps source) reads it through this, so a
 * GitLab model that reached it is a Slipway bug with a clear message, not a crash on `undefined`.
 */
export function githubOf(model: AppModel): GithubModel {
  if (model.github === undefined) {
    throw new Error(`${model.app} names no GitHub repository (its pipelines run on GitLab)`);
  }
  return model.github;
}

/** The GitLab project of a model with `delivery.ci: 'gitlab'`. */
export function gitlabOf(model: AppModel): GitlabModel {
  if (model.gitlab === undefined) {
    throw new Error(`${model.app} names no GitLab project (its pipelines run on GitHub)`);
  }
  return model.gitlab;
}

/** Where the model's pipelines run. */
export function ciHostOf(model: AppModel): 'github' | 'gitlab' {
  return model.delivery?.ci ?? 'github';
}
