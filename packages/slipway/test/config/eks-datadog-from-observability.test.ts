import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

/** The valid fixture on EKS with Datadog as the observability provider, its keys declared. */
function datadogOnEks(): SlipwayConfig {
  const config: SlipwayConfig = { ...validConfig(), runtime: 'eks' };
  config.secrets = {
    ...config.secrets,
    ddApi: { secretsManager: 'shop/datadog-api' },
    ddApp: { secretsManager: 'shop/datadog-app' },
  };
  config.observability = {
    provider: 'datadog',
    datadog: { apiKeySecret: 'ddApi', appKeySecret: 'ddApp', site: 'datadoghq.eu', notify: ['@slack-shop'] },
  };
  return config;
}

const clusterOf = (config: SlipwayConfig, name: string) =>
  resolveConfig(config).environments.find((e) => e.name === name)?.eks;

describe("the cluster's Datadog agent from observability.datadog", () => {
  it('takes site, keys and monitors from observability when eks.datadog is absent', () => {
    const config = datadogOnEks();
    config.environments['prod']!.observability = { datadog: { notify: ['@pagerduty-shop'] } };
    expect(clusterOf(config, 'dev')?.datadog).toEqual({
      site: 'datadoghq.eu',
      apiKeySecret: 'ddApi',
      monitors: { appKeySecret: 'ddApp', notify: ['@slack-shop'] },
    });
    expect(clusterOf(config, 'prod')?.datadog?.monitors?.notify).toEqual(['@pagerduty-shop']);
  });

  it('runs no agent with another provider', () => {
    const config: SlipwayConfig = { ...validConfig(), runtime: 'eks' };
    expect(clusterOf(config, 'dev')?.datadog).toBeUndefined();
  });

  it('names a wrong setting once, where it was written in observability, not under eks', () => {
    const config = datadogOnEks();
    config.observability!.datadog!.site = 'datadoghq.eur';
    const issues = issuesOf(config).filter((i) => /datadoghq\.eur/.test(i.message));
    expect(issues.map((i) => i.path)).toEqual(['observability.datadog.site']);
  });

  it("refuses the Secrets Store CSI driver, which cannot make the Secret the agent's chart reads", () => {
    const config = datadogOnEks();
    config.eks = { secrets: 'secrets-store-csi' };
    expectIssue(config, 'observability.provider', {
      message: ['Kubernetes Secrets', 'External Secrets'],
      fix: ["eks.secrets to 'external-secrets'"],
    });
  });

  it('still refuses Datadog set in both places', () => {
    const config = datadogOnEks();
    config.eks = { datadog: { apiKeySecret: 'ddApi' } };
    expectIssue(config, 'eks.datadog', { message: ['set twice'], fix: ['observability.datadog'] });
  });
});
