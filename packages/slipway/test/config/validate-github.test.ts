import { describe, it } from 'vitest';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, validConfig } from './fixtures.js';

describe('GitHub OIDC trust', () => {
  it('requires a repository', () => {
    const config = validConfig();
    config.github = {} as SlipwayConfig['github'];
    expectIssue(config, 'github.repository', { message: ['is required but missing'], fix: ["'owner/name'"] });
  });

  it('rejects a malformed repository', () => {
    const config = validConfig();
    config.github = { repository: 'https://github.com/acme/shop' };
    expectIssue(config, 'github.repository', {
      message: ["is not a GitHub repository in the form 'owner/name'"],
      fix: ["'acme/shop'"],
    });
  });

  it('rejects wildcards, which would trust other repositories', () => {
    const config = validConfig();
    config.github = { repository: 'acme/*' };
    expectIssue(config, 'github.repository', {
      message: ["'acme/*' contains a wildcard", 'other repositories'],
      fix: ['exactly one repository'],
    });
  });

  it('rejects a wildcard branch', () => {
    const config = validConfig();
    config.github = { repository: 'acme/shop', mainBranch: 'release/*' };
    expectIssue(config, 'github.mainBranch', {
      message: ["'release/*' is not one exact branch name"],
      fix: ["'main'"],
    });
  });

  it('rejects an existing OIDC provider in another account than the CI stack', () => {
    const config = validConfig();
    config.github = {
      repository: 'acme/shop',
      existingOidcProviderArn: 'arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com',
    };
    expectIssue(config, 'github.existingOidcProviderArn', {
      message: ['in account 999999999999, but the CI stack is in 111111111111'],
      fix: ['provider of the CI account'],
    });
  });

  it('rejects a provider ARN for another issuer', () => {
    const config = validConfig();
    config.github = {
      repository: 'acme/shop',
      existingOidcProviderArn: 'arn:aws:iam::111111111111:oidc-provider/gitlab.com',
    };
    expectIssue(config, 'github.existingOidcProviderArn', {
      message: ['is not the ARN of a GitHub Actions OIDC provider'],
      fix: ['token.actions.githubusercontent.com'],
    });
  });

  it('rejects a GitHub environment name with wildcards', () => {
    const config = validConfig();
    config.environments.prod!.githubEnvironment = 'prod*';
    expectIssue(config, 'environments.prod.githubEnvironment', {
      message: ["'prod*' cannot name a GitHub environment", 'without wildcards'],
      fix: ["'production'"],
    });
  });
});
