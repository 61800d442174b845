/**
 * The GitHub side of OIDC. The deploy roles' trust policies are built from these values, so a
 * wildcard or a malformed name here would either trust other repositories or trust nothing
 * (SECURITY.md 13).
 */
import { type ConfigIssue, issue } from '../errors.js';
import type { Validator } from './context.js';

/** Owner: letters, digits and hyphens; name: letters, digits, '.', '_' and '-'. */
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const WILDCARD = /[*?[\]]/;
const OIDC_PROVIDER_ARN =
  /^arn:aws[a-z-]*:iam::(\d{12}):oidc-provider\/token\.actions\.githubusercontent\.com$/;

export const validateGithub: Validator = ({ model }) => {
  const issues: ConfigIssue[] = [];
  if (model.github === undefined) return issues;
  const { repository, mainBranch, existingOidcProviderArn } = model.github;
  if (WILDCARD.test(repository)) {
    issues.push(
      issue(
        'github.repository',
        `'${repository}' contains a wildcard; deploy roles trusting it would accept tokens from other repositories`,
        "name exactly one repository, e.g. 'acme/shop'",
      ),
    );
  } else if (!REPOSITORY.test(repository) || repository.endsWith('/.') || repository.endsWith('/..')) {
    issues.push(
      issue(
        'github.repository',
        `'${repository}' is not a GitHub repository in the form 'owner/name'`,
        "write it exactly as in the repository's URL, e.g. 'acme/shop'",
      ),
    );
  }
  if (WILDCARD.test(mainBranch) || !isBranchName(mainBranch)) {
    issues.push(
      issue(
        'github.mainBranch',
        `'${mainBranch}' is not one exact branch name; the image-push role trusts exactly this branch`,
        "name one branch without wildcards, e.g. 'main'",
      ),
    );
  }
  if (existingOidcProviderArn !== undefined) {
    const match = OIDC_PROVIDER_ARN.exec(existingOidcProviderArn);
    if (match === null) {
      issues.push(
        issue(
          'github.existingOidcProviderArn',
          `'${existingOidcProviderArn}' is not the ARN of a GitHub Actions OIDC provider`,
          `use 'arn:aws:iam::${model.ci.account}:oidc-provider/token.actions.githubusercontent.com', or remove it to let Slipway create the provider`,
        ),
      );
    } else if (match[1] !== model.ci.account) {
      issues.push(
        issue(
          'github.existingOidcProviderArn',
          `the provider is in account ${match[1]}, but the CI stack is in ${model.ci.account}`,
          'use the provider of the CI account, or remove it to let Slipway create one',
        ),
      );
    }
  }
  return issues;
};

/** Git's ref-name rules, as far as they matter for an OIDC subject. */
function isBranchName(branch: string): boolean {
  return (
    branch.length > 0 &&
    !/[\s~^:\\]|\.\.|@\{|\/\/|^\/|\/$|\.lock$|^-/.test(branch) &&
    !branch.startsWith('refs/')
  );
}
