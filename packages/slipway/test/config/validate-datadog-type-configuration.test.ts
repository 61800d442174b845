import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

/** dev and qa in one account and region, both keeping Datadog monitors; prod elsewhere. */
function sharing(): SlipwayConfig {
  const config = validConfig();
  config.services!['web']!.memory = 1024;
  config.secrets = {
    ...config.secrets,
    ddApiKey: { ssm: '/shop/datadog-api-key' },
    ddAppKey: { ssm: '/shop/datadog-app-key' },
    qaAppKey: { ssm: '/shop/qa/datadog-app-key' },
  };
  config.observability = {
    provider: 'datadog',
    datadog: {
      site: 'datadoghq.eu',
      apiKeySecret: 'ddApiKey',
      appKeySecret: 'ddAppKey',
      notify: ['@pagerduty-shop'],
    },
  };
  config.environments['qa'] = {
    account: '111111111111',
    region: 'us-east-1',
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  };
  return config;
}

describe("Datadog's monitor type: one configuration per account and region", () => {
  it('accepts environments in one account and region that agree on the site and keys', () => {
    const model = resolveConfig(sharing());
    expect(
      model.environments.filter((e) => e.observability?.datadog?.appKeySecret === 'ddAppKey'),
    ).toHaveLength(3);
  });

  it('refuses a second site in the same account and region, at the field that differs', () => {
    const config = sharing();
    config.environments['qa']!.observability = { datadog: { site: 'datadoghq.com' } };
    expectIssue(config, 'environments.qa.observability.datadog.site', {
      message: [
        'qa and dev share 111111111111/us-east-1',
        "Datadog's monitor type has one configuration",
        'datadoghq.com here, datadoghq.eu in dev',
      ],
      fix: ['same Datadog site and keys', 'move qa to another account or region'],
    });
  });

  it('refuses other keys in the same account and region, naming where each is read from', () => {
    const config = sharing();
    config.environments['qa']!.observability = { datadog: { appKeySecret: 'qaAppKey' } };
    expectIssue(config, 'environments.qa.observability.datadog.appKeySecret', {
      message: ['application key differs', '{{resolve:ssm-secure:/shop/qa/datadog-app-key}} here'],
      fix: ['same Datadog site and keys'],
    });
  });

  it('leaves alone environments in other accounts or regions, and those that keep no monitors', () => {
    const config = sharing();
    config.environments['qa']!.region = 'us-west-2';
    config.environments['qa']!.availabilityZones = ['us-west-2a', 'us-west-2b', 'us-west-2c'];
    config.environments['qa']!.observability = { datadog: { site: 'datadoghq.com' } };
    expect(() => resolveConfig(config)).not.toThrow();

    const withoutKey = sharing();
    withoutKey.environments['qa']!.observability = { provider: 'cloudwatch' };
    expect(() => resolveConfig(withoutKey)).not.toThrow();
  });

  it('keeps the existing rule: production monitors must notify someone', () => {
    const config = sharing();
    config.observability!.datadog!.notify = [];
    config.environments['prod']!.production = true;
    config.environments['prod']!.observability = { alerts: { email: ['oncall@example.com'] } };
    expect(issuesOf(config).map((i) => i.path)).toContain('observability.datadog.notify');
  });
});
