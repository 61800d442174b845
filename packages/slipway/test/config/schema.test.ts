import { describe, expect, it } from 'vitest';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

/** Configs that break the types on purpose, as a JavaScript user or a loose cast could. */
function loose(config: unknown): SlipwayConfig {
  return config as SlipwayConfig;
}

describe('config shape', () => {
  it('rejects an unknown top-level key, guessing the intended one and listing the allowed keys', () => {
    const config = loose({ ...validConfig(), enviroments: {} });
    const found = expectIssue(config, 'enviroments', {
      message: ["'enviroments' is not a known setting", "did you mean 'environments'"],
      fix: [
        'app, github, gitlab, ci, databases, caches, tables, functions, topics, queues, auth, secrets, services, runtime, eks, environments, observability, usage, acknowledgements',
      ],
    });
    expect(found.fix).toMatch(/^remove it, or use one of/);
  });

  it('lists the keys allowed at the exact nested place of an unknown key', () => {
    const config = validConfig();
    (config.services!.web as Record<string, unknown>).replicas = 3;
    expectIssue(config, 'services.web.replicas', {
      message: ["'replicas' is not a known setting"],
      fix: ['desiredCount', 'minCount', 'maxCount', 'healthPath'],
    });
  });

  it('only lets an environment override what may differ between environments', () => {
    const config = validConfig();
    (config.environments.dev!.services as unknown) = { web: { port: 9000 } };
    expectIssue(config, 'environments.dev.services.web.port', {
      message: ["'port' is not a known setting"],
      fix: ['cpu', 'memory', 'deployment'],
    });
  });

  it('explains a missing github block in terms of OIDC trust', () => {
    const { github: _github, ...rest } = validConfig();
    expectIssue(loose(rest), 'github', {
      message: ['no GitHub repository is named'],
      fix: ["github: { repository: 'owner/name' }", 'OIDC'],
    });
  });

  it('asks for an account id as a quoted 12-digit string when given a number', () => {
    const config = validConfig();
    (config.environments.dev as Record<string, unknown>).account = 111111111111;
    expectIssue(config, 'environments.dev.account', {
      message: ['expected a string, got 111111111111'],
      fix: ["'111111111111'"],
    });
  });

  it('lists the allowed values of an enum', () => {
    const config = validConfig();
    (config.environments.dev as Record<string, unknown>).capacity = 'spotty';
    expectIssue(config, 'environments.dev.capacity', {
      message: ["'spotty' is not allowed"],
      fix: ["'spot' or 'on-demand'"],
    });
  });

  it('reports every shape problem at once', () => {
    const config = loose({ ...validConfig(), app: 42, extra: true });
    const paths = issuesOf(config).map((entry) => entry.path);
    expect(paths).toEqual(expect.arrayContaining(['app', 'extra']));
  });
});
