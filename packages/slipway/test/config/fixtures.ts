import { expect } from 'vitest';
import { ConfigError, type ConfigIssue } from '../../src/config/errors.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';

/** A small valid config with a dev and a prod environment; each call returns a fresh copy to mutate. */
export function validConfig(): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    databases: { main: {} },
    secrets: { stripeKey: { ssm: '/shop/stripe_key' } },
    services: {
      web: { port: 8080, database: 'main', secrets: { STRIPE_KEY: 'stripeKey' } },
    },
    environments: {
      dev: {
        account: '111111111111',
        region: 'us-east-1',
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      },
      prod: {
        account: '222222222222',
        region: 'eu-west-1',
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      },
    },
  };
}

/** The issues `resolveConfig` reports; fails the test when it resolves cleanly. */
export function issuesOf(config: SlipwayConfig): readonly ConfigIssue[] {
  try {
    resolveConfig(config);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  expect.fail('expected the config to be rejected');
}

/**
 * Asserts one issue sits at `path` and that its message and fix contain the given fragments, so
 * each test states where the problem is, what it is and what the fix says.
 */
export function expectIssue(
  config: SlipwayConfig,
  path: string,
  expected: { readonly message: readonly (string | RegExp)[]; readonly fix: readonly (string | RegExp)[] },
): ConfigIssue {
  const issues = issuesOf(config);
  const found = issues.find((entry) => entry.path === path);
  expect(
    found,
    `no issue at ${path}; got:\n${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
  ).toBeDefined();
  for (const fragment of expected.message) expect(found!.message).toMatch(fragment);
  for (const fragment of expected.fix) expect(found!.fix).toMatch(fragment);
  return found!;
}
