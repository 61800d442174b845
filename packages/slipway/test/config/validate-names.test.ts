import { describe, expect, it } from 'vitest';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

function withEnvironment(config: SlipwayConfig, from: string, to: string): SlipwayConfig {
  const { [from]: moved, ...rest } = config.environments;
  return { ...config, environments: { ...rest, [to]: moved! } };
}

describe('names', () => {
  it('rejects an environment name that cannot be part of a stack name and suggests one that can', () => {
    expectIssue(withEnvironment(validConfig(), 'dev', 'Prod_1'), 'environments.Prod_1', {
      message: ["'Prod_1'", 'upper-case letters', "characters other than letters, digits and '-'"],
      fix: ["rename it to 'prod-1'"],
    });
  });

  it('rejects an app name with capitals', () => {
    expectIssue({ ...validConfig(), app: 'MegaDolls' }, 'app', {
      message: ["'MegaDolls'", 'upper-case'],
      fix: ["'megadolls'"],
    });
  });

  it('rejects names whose longest derived stack name passes 128 characters, saying by how much', () => {
    const config = { ...validConfig(), app: `a${'b'.repeat(70)}` };
    // An app of 71 + '-prod-' + service of 60 = 137 characters.
    config.services = { [`w${'x'.repeat(59)}`]: { port: 8080 } };
    const found = expectIssue(config, 'environments.prod', {
      message: ['is 137 characters; CloudFormation allows 128'],
      fix: ['shorten the app, environment or service name by 9 characters'],
    });
    expect(found.message).toContain('derived stack name');
  });

  it('rejects service names reserved by the environment stacks', () => {
    const config = validConfig();
    config.services = { network: { port: 8080 } };
    expectIssue(config, 'services.network', {
      message: ["'network' is reserved"],
      fix: ["'network', 'data', 'runtime', 'cluster', 'functions', 'monitoring' or 'ci'"],
    });
  });

  it('rejects names that derive the same stack name twice', () => {
    const config = validConfig();
    config.environments['dev-x'] = { ...config.environments.dev! };
    config.services = { 'x-network': { port: 8080 } };
    expectIssue(config, 'environments.dev-x', {
      message: ["'shop-dev-x-network'", 'already uses'],
      fix: ['unique'],
    });
  });

  it('rejects a secret name with spaces', () => {
    const config = validConfig();
    config.secrets = { 'stripe key': { ssm: '/shop/stripe' } };
    config.services!.web!.secrets = {};
    expectIssue(config, 'secrets.stripe key', {
      message: ['not a usable secret name'],
      fix: ["'stripeKey'"],
    });
  });

  it('lists every problem found, not just the first', () => {
    const config = withEnvironment({ ...validConfig(), app: 'Bad_App' }, 'dev', 'Dev');
    config.services = { ci: { port: 70000 } };
    const paths = issuesOf(config).map((entry) => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining(['app', 'environments.Dev', 'services.ci', 'services.ci.port']),
    );
  });
});
