import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { expectIssue, validConfig } from './fixtures.js';

/** Secrets Manager names are unique per account and region; two environments there need two names. */
describe('names of secrets Slipway creates', () => {
  function sharedAccount() {
    const config = validConfig();
    config.secrets = { adminPassword: { secretsManager: 'shop/admin' } };
    config.services!.web!.secrets = { ADMIN_PASSWORD: 'adminPassword' };
    config.environments = {
      dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
      staging: {
        account: '111111111111',
        region: 'us-east-1',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
      },
    };
    return config;
  }

  it('refuses one inherited name for two environments in one account and region, naming the line to add', () => {
    expectIssue(sharedAccount(), 'secrets.adminPassword.secretsManager', {
      message: [
        "environments 'dev' and 'staging' share account 111111111111 and region us-east-1",
        "'shop/admin'",
      ],
      fix: ["environments.staging.secrets.adminPassword: { secretsManager: 'shop/admin-staging' }"],
    });
  });

  it('accepts the fix it names, and the same name in another account or region', () => {
    const fixed = sharedAccount();
    fixed.environments.staging!.secrets = { adminPassword: { secretsManager: 'shop/admin-staging' } };
    expect(() => resolveConfig(fixed)).not.toThrow();
    const elsewhere = sharedAccount();
    elsewhere.environments.staging!.account = '222222222222';
    expect(() => resolveConfig(elsewhere)).not.toThrow();
  });

  it('names the override when an environment sets the taken name itself', () => {
    const config = sharedAccount();
    config.secrets = { adminPassword: { secretsManager: 'shop/dev-admin' } };
    config.environments.staging!.secrets = { adminPassword: { secretsManager: 'shop/dev-admin' } };
    expectIssue(config, 'environments.staging.secrets.adminPassword.secretsManager', {
      message: ["'shop/dev-admin'"],
      fix: ['environments.staging.secrets.adminPassword'],
    });
  });
});
