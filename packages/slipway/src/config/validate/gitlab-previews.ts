/**
 * Previews on GitLab (decision 023): the preview roles trust `…:ref:<prefix>*` for each
 * `delivery.previewBranches` pattern, the one wildcard Slipway writes. What would make that
 * wildcard reach further than previews is refused here: a pattern that is not a plain prefix, one
 * that admits the main or production branch, and a copied environment in the CI stack's account
 * or a production environment's (whose CDK roles the preview deploy role would then assume).
 */
import type { AppModel, GitlabModel } from '../../model/types.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';

/** A literal prefix of branch characters and exactly one `*` at the end. */
const PREFIX_PATTERN = /^[A-Za-z0-9._/-]+\*$/;

export function gitlabPreviewIssues(model: AppModel, gitlab: GitlabModel): ConfigIssue[] {
  const preview = model.delivery?.preview;
  if (preview === undefined) return [];
  const issues: ConfigIssue[] = [];
  preview.branches.forEach((pattern, index) => {
    const at = joinPath('delivery', 'previewBranches', index);
    if (!PREFIX_PATTERN.test(pattern)) {
      issues.push(
        issue(
          at,
          `'${pattern}' is not a branch prefix ending in one '*'; on GitLab the preview roles trust exactly such prefixes`,
          "write a literal prefix followed by a single '*', e.g. 'feat/*'",
        ),
      );
      return;
    }
    const prefix = pattern.slice(0, -1);
    for (const branch of [gitlab.mainBranch, gitlab.productionBranch]) {
      if (branch.startsWith(prefix)) {
        issues.push(
          issue(
            at,
            `'${pattern}' matches '${branch}', so that branch's pipelines would get preview jobs and the preview roles`,
            "use a prefix no long-lived branch starts with, e.g. 'feat/*'",
          ),
        );
      }
    }
  });
  // IAM is account-wide and CloudFormation's execution role (what the CDK deploy role hands a
  // deploy to) may change any role in its account: in the CI account that includes the production
  // deploy roles' trust, in a production account production itself.
  const copied = model.environments.find((e) => e.name === preview.environment);
  if (copied !== undefined && copied.account === model.ci.account) {
    issues.push(
      issue(
        'delivery.previewEnvironment',
        `previews copy '${copied.name}', which is in account ${copied.account} with the CI stack; the preview deploy role assumes that account's CDK roles, through which a preview branch could rewrite the production deploy roles' trust`,
        `put the CI stack in an account of its own with ci: { account: '<id>' }, or copy an environment in another account`,
      ),
    );
  }
  for (const env of model.environments.filter((e) => e.production && e.account === copied?.account)) {
    issues.push(
      issue(
        'delivery.previewEnvironment',
        `previews copy '${preview.environment}', which shares account ${env.account} with production '${env.name}'; the preview deploy role assumes that account's CDK roles, which can change production's stacks and roles too`,
        `copy an environment in another account than production, or turn previews off with delivery.previewBranches: []`,
      ),
    );
  }
  return issues;
}
