/**
 * The GitLab side of OIDC (`delivery.ci: 'gitlab'`). The deploy roles' trust policies are built
 * from these values, as for GitHub, so a wildcard or a malformed name here would trust other
 * projects or nothing. What the GitLab pipeline does not do is refused here, with the reason,
 * rather than generated half way (decision 019); previews' limits are in `gitlab-previews.ts`.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { GITLAB_NODE_IMAGES } from '../data/ci-images.js';
import type { Validator } from './context.js';
import { gitlabPreviewIssues } from './gitlab-previews.js';

/** `group[/subgroup…]/project`: GitLab path segments (letters, digits, '_', '-', '.'). */
const PROJECT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.-]*)+$/;
/** A DNS name, optionally with a port: the issuer is `https://<host>`. */
const HOST =
  /^(?=.{1,253}(?::\d{1,5})?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?::\d{1,5})?$/;
const WILDCARD = /[*?[\]]/;
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):oidc-provider\/(.+)$/;

export const validateGitlab: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const ci = config.delivery?.ci ?? 'github';
  if (ci === 'github') {
    if (config.github === undefined) {
      issues.push(
        issue(
          'github',
          'no GitHub repository is named, so no deploy role would trust any workflow',
          "add github: { repository: 'owner/name' }; the deploy roles trust only that repository through GitHub OIDC (or set delivery.ci: 'gitlab' with gitlab: { project: 'group/name' })",
        ),
      );
    }
    if (config.gitlab !== undefined) {
      issues.push(
        issue(
          'gitlab',
          "a GitLab project is named but delivery.ci is 'github', so nothing would use it",
          "set delivery.ci: 'gitlab' to run the pipelines on GitLab, or remove gitlab",
        ),
      );
    }
    return issues;
  }
  if (config.github !== undefined) {
    issues.push(
      issue(
        'github',
        "a GitHub repository is named but delivery.ci is 'gitlab', so nothing would use it",
        "remove github, or set delivery.ci: 'github'",
      ),
    );
  }
  const gitlab = model.gitlab;
  if (gitlab === undefined) {
    issues.push(
      issue(
        'gitlab',
        "delivery.ci is 'gitlab' but no GitLab project is named, so no deploy role would trust any pipeline",
        "add gitlab: { project: 'group/name' } (and host: 'gitlab.example.com' for a self-managed instance)",
      ),
    );
    return issues;
  }
  issues.push(...gitlabFieldIssues(gitlab, model.ci.account));
  issues.push(...unsupportedIssues({ config, model }, gitlab));
  return issues;
};

function gitlabFieldIssues(
  gitlab: NonNullable<Parameters<Validator>[0]['model']['gitlab']>,
  ciAccount: string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (WILDCARD.test(gitlab.project)) {
    issues.push(
      issue(
        'gitlab.project',
        `'${gitlab.project}' contains a wildcard; deploy roles trusting it would accept tokens from other projects`,
        "name exactly one project, e.g. 'acme/orders'",
      ),
    );
  } else if (!PROJECT.test(gitlab.project) || gitlab.project.split('/').some((s) => s.endsWith('.'))) {
    issues.push(
      issue(
        'gitlab.project',
        `'${gitlab.project}' is not a GitLab project path in the form 'group/project'`,
        "write it exactly as in the project's URL, e.g. 'acme/orders' or 'acme/platform/orders'",
      ),
    );
  }
  if (!HOST.test(gitlab.host)) {
    issues.push(
      issue(
        'gitlab.host',
        `'${gitlab.host}' is not a host name; the OIDC issuer is https://<host>`,
        "give the instance's host name without scheme or path, e.g. 'gitlab.com' or 'gitlab.example.com'",
      ),
    );
  }
  for (const field of ['mainBranch', 'productionBranch'] as const) {
    const branch = gitlab[field];
    if (WILDCARD.test(branch) || !isBranchName(branch)) {
      issues.push(
        issue(
          `gitlab.${field}`,
          `'${branch}' is not one exact branch name; the roles trust exactly this branch`,
          `name one branch without wildcards, e.g. '${field === 'mainBranch' ? 'main' : 'production'}'`,
        ),
      );
    }
  }
  if (gitlab.mainBranch === gitlab.productionBranch) {
    issues.push(
      issue(
        'gitlab.productionBranch',
        `it is the main branch ('${gitlab.mainBranch}'), so every main-branch job could assume the production deploy roles`,
        "name a separate protected branch that only maintainers push to, e.g. 'production'",
      ),
    );
  }
  if (gitlab.existingOidcProviderArn !== undefined) {
    const match = OIDC_PROVIDER_ARN.exec(gitlab.existingOidcProviderArn);
    if (match === null || match[2] !== gitlab.host) {
      issues.push(
        issue(
          'gitlab.existingOidcProviderArn',
          `'${gitlab.existingOidcProviderArn}' is not the ARN of the OIDC provider for ${gitlab.host}`,
          `use 'arn:aws:iam::${ciAccount}:oidc-provider/${gitlab.host}', or remove it to let Slipway create the provider`,
        ),
      );
    } else if (match[1] !== ciAccount) {
      issues.push(
        issue(
          'gitlab.existingOidcProviderArn',
          `the provider is in account ${match[1]}, but the CI stack is in ${ciAccount}`,
          'use the provider of the CI account, or remove it to let Slipway create one',
        ),
      );
    }
  }
  return issues;
}

/** What the generated `.gitlab-ci.yml` does not cover yet, each with the way out; previews' limits. */
function unsupportedIssues(
  { config, model }: Parameters<Validator>[0],
  gitlab: NonNullable<Parameters<Validator>[0]['model']['gitlab']>,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.delivery?.pipeline === 'codepipeline') {
    issues.push(
      issue(
        'delivery.pipeline',
        'CodePipeline is started by tags the GitHub release jobs move; the GitLab pipeline does not move them yet',
        "remove delivery.pipeline (GitLab deploys the services itself), or set delivery.ci: 'github'",
      ),
    );
  }
  for (const env of model.environments.filter((e) => e.runtime === 'eks')) {
    issues.push(
      issue(
        joinPath('environments', env.name, 'runtime'),
        'an EKS environment rolls out by commits to its GitOps folder, which the GitLab pipeline does not make yet',
        "use runtime 'ecs' for this environment, or set delivery.ci: 'github'",
      ),
    );
  }
  issues.push(...gitlabPreviewIssues(model, gitlab));
  const node = model.delivery?.nodeVersion;
  if (node !== undefined && GITLAB_NODE_IMAGES[node] === undefined) {
    issues.push(
      issue(
        'delivery.nodeVersion',
        `there is no pinned Node.js ${node} image for the GitLab jobs`,
        `use one of ${Object.keys(GITLAB_NODE_IMAGES)
          .map((v) => `'${v}'`)
          .join(', ')}`,
      ),
    );
  }
  return issues;
}

/** Git's ref-name rules, as far as they matter for an OIDC subject (`:` would split it). */
function isBranchName(branch: string): boolean {
  return (
    branch.length > 0 &&
    !/[\s~^:\\]|\.\.|@\{|\/\/|^\/|\/$|\.lock$|^-/.test(branch) &&
    !branch.startsWith('refs/')
  );
}
