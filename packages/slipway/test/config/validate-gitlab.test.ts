import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { gitlabConfig, gitlabPreviewConfig } from '../workflows/gitlab-fixtures.js';
import { expectIssue, validConfig } from './fixtures.js';

function withGitlab(gitlab: Partial<NonNullable<SlipwayConfig['gitlab']>>): SlipwayConfig {
  const config = gitlabConfig();
  return { ...config, gitlab: { project: 'acme/orders', ...gitlab } };
}

describe('GitLab config', () => {
  it('resolves with gitlab.com, main and production by default, and previews off', () => {
    const model = resolveConfig(gitlabConfig());
    expect(model.gitlab).toEqual({
      project: 'acme/orders',
      host: 'gitlab.com',
      mainBranch: 'main',
      productionBranch: 'production',
    });
    expect(model.github).toBeUndefined();
    expect(model.delivery?.ci).toBe('gitlab');
    expect(model.delivery?.preview).toBeUndefined();
  });

  it('accepts a self-managed host and subgroups', () => {
    const model = resolveConfig(withGitlab({ project: 'acme/platform/orders', host: 'gitlab.example.com' }));
    expect(model.gitlab?.host).toBe('gitlab.example.com');
  });

  it("asks for the project when delivery.ci is 'gitlab' without one", () => {
    const { gitlab: _gitlab, ...rest } = gitlabConfig();
    expectIssue(rest, 'gitlab', {
      message: ['no GitLab project is named'],
      fix: ["gitlab: { project: 'group/name' }"],
    });
  });

  it('names the block nothing would use', () => {
    expectIssue({ ...gitlabConfig(), github: { repository: 'acme/shop' } }, 'github', {
      message: ["delivery.ci is 'gitlab'"],
      fix: ['remove github'],
    });
    expectIssue({ ...validConfig(), gitlab: { project: 'acme/orders' } }, 'gitlab', {
      message: ["delivery.ci is 'github'"],
      fix: ["delivery.ci: 'gitlab'"],
    });
  });

  it('refuses a wildcard or malformed project, host and branches', () => {
    expectIssue(withGitlab({ project: 'acme/*' }), 'gitlab.project', {
      message: ['wildcard'],
      fix: ["'acme/orders'"],
    });
    expectIssue(withGitlab({ project: 'orders' }), 'gitlab.project', {
      message: ["'group/project'"],
      fix: ['URL'],
    });
    expectIssue(withGitlab({ host: 'https://gitlab.example.com/' }), 'gitlab.host', {
      message: ['not a host name'],
      fix: ['without scheme or path'],
    });
    expectIssue(withGitlab({ mainBranch: 'release/*' }), 'gitlab.mainBranch', {
      message: ['not one exact branch name'],
      fix: ['without wildcards'],
    });
  });

  it('refuses production deploying from the main branch', () => {
    expectIssue(withGitlab({ productionBranch: 'main' }), 'gitlab.productionBranch', {
      message: ['every main-branch job could assume the production deploy roles'],
      fix: ['separate protected branch'],
    });
  });

  it("checks an existing provider is this instance's, in the CI account", () => {
    expectIssue(
      withGitlab({
        existingOidcProviderArn:
          'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com',
      }),
      'gitlab.existingOidcProviderArn',
      { message: ['not the ARN of the OIDC provider for gitlab.com'], fix: ['oidc-provider/gitlab.com'] },
    );
    expectIssue(
      withGitlab({ existingOidcProviderArn: 'arn:aws:iam::999999999999:oidc-provider/gitlab.com' }),
      'gitlab.existingOidcProviderArn',
      { message: ['account 999999999999'], fix: ['provider of the CI account'] },
    );
  });

  it('turns previews on only when previewBranches is set, copying the first non-production environment', () => {
    expect(resolveConfig(gitlabConfig()).delivery?.preview).toBeUndefined();
    const model = resolveConfig(gitlabPreviewConfig());
    expect(model.delivery?.preview).toMatchObject({
      branches: ['feat/*', 'fix/*'],
      environment: 'dev',
      maxAgeDays: 5,
    });
  });

  const previewing = (previewBranches: string[]): SlipwayConfig => ({
    ...gitlabPreviewConfig(),
    delivery: { ci: 'gitlab', previewBranches },
  });

  it('refuses preview patterns the preview roles could not trust as a plain prefix', () => {
    for (const pattern of ['feat/login', 'feat/**']) {
      expectIssue(previewing(['fix/*', pattern]), 'delivery.previewBranches[1]', {
        message: [`'${pattern}' is not a branch prefix ending in one '*'`],
        fix: ["'feat/*'"],
      });
    }
  });

  it('refuses a preview pattern that admits the main or production branch', () => {
    expectIssue(previewing(['ma*']), 'delivery.previewBranches[0]', {
      message: ["'ma*' matches 'main'"],
      fix: ['no long-lived branch starts with'],
    });
    expectIssue(previewing(['prod*']), 'delivery.previewBranches[0]', {
      message: ["'prod*' matches 'production'"],
      fix: ['no long-lived branch starts with'],
    });
  });

  it("refuses previews of an environment in the CI stack's account", () => {
    const { ci: _ci, ...config } = gitlabPreviewConfig();
    expectIssue(config, 'delivery.previewEnvironment', {
      message: ['in account 111111111111 with the CI stack', "rewrite the production deploy roles' trust"],
      fix: ["ci: { account: '<id>' }"],
    });
  });

  it("refuses previews of an environment in a production environment's account, in any region", () => {
    const config = gitlabPreviewConfig();
    const dev = config.environments.dev!;
    const shared: SlipwayConfig = {
      ...config,
      environments: { ...config.environments, dev: { ...dev, account: '222222222222' } },
    };
    expectIssue(shared, 'delivery.previewEnvironment', {
      message: ["shares account 222222222222 with production 'prod'", 'CDK roles'],
      fix: ['another account than production'],
    });
  });

  it('refuses what the GitLab pipeline does not build, saying why and the way out', () => {
    const config = gitlabConfig();
    expectIssue({ ...config, delivery: { ci: 'gitlab', pipeline: 'codepipeline' } }, 'delivery.pipeline', {
      message: ['CodePipeline'],
      fix: ["delivery.ci: 'github'"],
    });
    expectIssue({ ...config, delivery: { ci: 'gitlab', nodeVersion: '20' } }, 'delivery.nodeVersion', {
      message: ['no pinned Node.js 20 image'],
      fix: ["'22'"],
    });
    expectIssue({ ...config, runtime: 'eks' }, 'environments.dev.runtime', {
      message: ['GitOps folder'],
      fix: ["runtime 'ecs'"],
    });
  });
});
