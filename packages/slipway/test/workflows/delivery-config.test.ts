import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, validConfig } from '../config/fixtures.js';

function withDelivery(delivery: SlipwayConfig['delivery']): SlipwayConfig {
  return { ...validConfig(), delivery };
}

describe('delivery defaults', () => {
  it('uses GitHub Actions, previews of dev for feat/*, and builds from apps/<service>', () => {
    const model = resolveConfig(validConfig());
    expect(model.delivery).toEqual({
      ci: 'github',
      pipeline: 'github-actions',
      preview: { branches: ['feat/*'], environment: 'dev', githubEnvironment: 'preview', maxAgeDays: 7 },
      nodeVersion: '22',
      deployConcurrency: 10,
      commands: { install: 'npm ci', lint: 'npm run lint --if-present', test: 'npm test --if-present' },
      costAlert: { monthlyUsd: 50, percent: 10 },
      builds: [
        {
          service: 'web',
          repository: 'shop/web',
          context: 'apps/web',
          dockerfile: 'apps/web/Dockerfile',
          watch: ['apps/web'],
          movingTag: 'dev-latest',
        },
      ],
    });
  });

  it('takes the source, extra watched paths and commands from the config', () => {
    const config = validConfig();
    config.services!.web!.source = {
      context: './services/web/',
      dockerfile: 'docker/Dockerfile',
      watch: ['libs/db/'],
    };
    config.delivery = { commands: { test: 'npm run test:unit' }, previewBranches: [] };
    const model = resolveConfig(config);
    expect(model.delivery?.builds[0]).toMatchObject({
      context: 'services/web',
      dockerfile: 'services/web/docker/Dockerfile',
      watch: ['services/web', 'libs/db'],
    });
    expect(model.delivery?.commands.test).toBe('npm run test:unit');
    expect(model.delivery?.preview).toBeUndefined();
  });

  it("watches the Dockerfile's folder, not the whole repository, when a monorepo builds from the root", () => {
    const config = validConfig();
    config.services!.web!.source = {
      context: '.',
      dockerfile: 'apps/web/Dockerfile',
      watch: ['package-lock.json'],
    };
    expect(resolveConfig(config).delivery?.builds[0]).toMatchObject({
      context: '.',
      dockerfile: 'apps/web/Dockerfile',
      watch: ['apps/web', 'package-lock.json'],
    });
    // A repository that is one service, its Dockerfile at the root, still watches everything.
    config.services!.web!.source = { context: '.' };
    expect(resolveConfig(config).delivery?.builds[0]?.watch).toEqual(['.']);
  });

  it('treats sha-<commit> tags as pinned, so they stay immutable and expire', () => {
    const config = validConfig();
    config.services!.web!.image = { tag: 'sha-0123456789abcdef0123456789abcdef01234567' };
    const model = resolveConfig(config);
    expect(model.ci.repositories[0]?.movingTags).toEqual([]);
    expect(model.delivery?.builds[0]?.movingTag).toBeUndefined();
  });
});

describe('delivery validation', () => {
  it('rejects a branch pattern with a wildcard in the middle', () => {
    expectIssue(withDelivery({ previewBranches: ['feat/*/x'] }), 'delivery.previewBranches[0]', {
      message: ["'feat/*/x' is not a branch prefix"],
      fix: ["'feat/*'"],
    });
  });

  it('rejects previews of an unknown or a production environment', () => {
    expectIssue(withDelivery({ previewEnvironment: 'staging' }), 'delivery.previewEnvironment', {
      message: ["'staging' is not a declared environment"],
      fix: ['dev, prod'],
    });
    expectIssue(withDelivery({ previewEnvironment: 'prod' }), 'delivery.previewEnvironment', {
      message: ['production environment', 'unreviewed branches'],
      fix: ['non-production'],
    });
  });

  it('rejects previews asked for when every environment is production', () => {
    const config = withDelivery({ previewBranches: ['feat/*'] });
    delete config.environments.dev;
    expectIssue(config, 'delivery.previewBranches', {
      message: ['every environment is production'],
      fix: ['previewBranches to []'],
    });
  });

  it('rejects an environment whose GitHub environment is the preview one', () => {
    const config = validConfig();
    config.environments.dev!.githubEnvironment = 'preview';
    expectIssue(config, 'environments.dev.githubEnvironment', {
      message: ["'preview' is the GitHub environment preview jobs run in"],
      fix: ['another GitHub environment name'],
    });
  });

  it('rejects source paths that leave the repository or split a shell word', () => {
    const config = validConfig();
    config.services!.web!.source = { context: '../web', watch: ['libs/my lib'] };
    expectIssue(config, 'services.web.source.context', {
      message: ["'../web' is not a plain path inside the repository"],
      fix: ["without '..'"],
    });
    expectIssue(config, 'services.web.source.watch[0]', { message: ['libs/my lib'], fix: ['apps/web'] });
  });

  it('rejects a pinned tag when CodePipeline must start on the tag moving', () => {
    const config = withDelivery({ pipeline: 'codepipeline' });
    config.environments.prod!.services = { web: { image: { tag: 'v1.2.3' } } };
    expectIssue(config, 'environments.prod.services.web.image.tag', {
      message: ["'v1.2.3' is pinned"],
      fix: ["'latest'", "'github-actions'"],
    });
  });

  it('fills a cost alert field left out with its default, and turns the alert off with false', () => {
    const model = resolveConfig(withDelivery({ costAlert: { monthlyUsd: 200 } }));
    expect(model.delivery?.costAlert).toEqual({ monthlyUsd: 200, percent: 10 });
    expect(resolveConfig(withDelivery({ costAlert: false })).delivery?.costAlert).toBe(false);
  });

  it('deploys 10 service stacks at once unless delivery.deployConcurrency says otherwise, within 1–20', () => {
    expect(resolveConfig(withDelivery({})).delivery?.deployConcurrency).toBe(10);
    expect(resolveConfig(withDelivery({ deployConcurrency: 3 })).delivery?.deployConcurrency).toBe(3);
    for (const concurrency of [0, 21]) {
      expectIssue(withDelivery({ deployConcurrency: concurrency }), 'delivery.deployConcurrency', {
        message: [`${concurrency} is outside 1–20`],
        fix: ['e.g. 4', '1 deploys them one after another'],
      });
    }
  });

  it('rejects a cost alert threshold that is not a positive number', () => {
    expectIssue(withDelivery({ costAlert: { monthlyUsd: 0 } }), 'delivery.costAlert.monthlyUsd', {
      message: ['0 is not a positive number of dollars'],
      fix: ['e.g. 50', 'costAlert: false'],
    });
    expectIssue(withDelivery({ costAlert: { percent: -5 } }), 'delivery.costAlert.percent', {
      message: ['-5 is outside 0–1000 percent'],
      fix: ['e.g. 10'],
    });
    expectIssue(withDelivery({ costAlert: { dollars: 5 } as never }), 'delivery.costAlert.dollars', {
      message: [/dollars/],
      fix: [/monthlyUsd/],
    });
  });

  it('rejects out-of-range ages, empty commands and unknown keys', () => {
    expectIssue(withDelivery({ previewMaxAgeDays: 0 }), 'delivery.previewMaxAgeDays', {
      message: ['outside 1–90 days'],
      fix: ['e.g. 7'],
    });
    expectIssue(withDelivery({ commands: { lint: ' ' } }), 'delivery.commands.lint', {
      message: ['empty'],
      fix: ['leave the field out'],
    });
    expectIssue(withDelivery({ nodeVersion: 'latest' }), 'delivery.nodeVersion', {
      message: ["'latest' is not a Node.js version"],
      fix: ["'22'"],
    });
    expectIssue({ ...validConfig(), delivery: { pipline: 'codepipeline' } as never }, 'delivery.pipline', {
      message: [/pipline/],
      fix: [/pipeline/],
    });
  });
});
