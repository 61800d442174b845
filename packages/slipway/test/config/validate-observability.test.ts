import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { ObservabilityConfig, SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, issuesOf, validConfig } from './fixtures.js';

/** The valid fixture with the app's observability block (and, optionally, prod's own). */
function withObservability(app: ObservabilityConfig, prod?: ObservabilityConfig): SlipwayConfig {
  const config = validConfig();
  config.observability = app;
  if (prod !== undefined) config.environments['prod']!.observability = prod;
  return config;
}

function observabilityOf(config: SlipwayConfig, env: string) {
  return resolveConfig(config).environments.find((e) => e.name === env)?.observability;
}

describe('observability', () => {
  it('defaults by stage: dev gets the essential alarms and standard insights, prod all alarms, traces and enhanced insights', () => {
    const config = validConfig();
    expect(observabilityOf(config, 'dev')).toEqual({
      provider: 'cloudwatch',
      alerts: { emails: [] },
      alarms: 'essential',
      tracing: false,
      uptime: false,
      dashboard: true,
      containerInsights: 'standard',
    });
    expect(observabilityOf(config, 'prod')).toMatchObject({
      alarms: 'all',
      tracing: true,
      uptime: false,
      containerInsights: 'enhanced',
    });
  });

  it("merges an environment's fields over the app's, but replaces the app's alerts as a whole", () => {
    const config = withObservability(
      {
        alerts: { email: ['ops@example.com'], pagerduty: { integrationUrlSecret: 'shop/pagerduty' } },
        uptime: true,
      },
      { alerts: { email: ['night@example.com'] }, tracing: false },
    );
    expect(observabilityOf(config, 'dev')?.alerts).toEqual({
      emails: ['ops@example.com'],
      pagerduty: { integrationUrlSecret: 'shop/pagerduty' },
    });
    expect(observabilityOf(config, 'prod')).toMatchObject({
      alerts: { emails: ['night@example.com'] },
      tracing: false,
      uptime: true,
    });
    expect(observabilityOf(config, 'prod')?.alerts.pagerduty).toBeUndefined();
  });

  it('refuses an address that is not one, at the place it was written', () => {
    expectIssue(
      withObservability({}, { alerts: { email: ['ops.example.com'] } }),
      'environments.prod.observability.alerts.email[0]',
      {
        message: ["'ops.example.com' is not an email address"],
        fix: ['oncall@example.com'],
      },
    );
  });

  it("refuses Slack ids that are a channel's name, and a PagerDuty secret name AWS would not take", () => {
    const config = withObservability({
      alerts: {
        slack: { workspaceId: 'acme', channelId: '#ops-alerts' },
        pagerduty: { integrationUrlSecret: 'my pager url' },
      },
    });
    expectIssue(config, 'observability.alerts.slack.workspaceId', {
      message: ["'acme'"],
      fix: ['T0123ABCD'],
    });
    expectIssue(config, 'observability.alerts.slack.channelId', {
      message: ["not the channel's name"],
      fix: ['C0123ABCD'],
    });
    expectIssue(config, 'observability.alerts.pagerduty.integrationUrlSecret', {
      message: ['not a Secrets Manager secret name'],
      fix: ['integration URL'],
    });
  });

  it('needs Datadog’s API key as a declared secret and a real site, and refuses handles without monitors', () => {
    const config = withObservability({
      provider: 'datadog',
      datadog: { site: 'datadoghq.eur', notify: ['ops'] },
    });
    expectIssue(config, 'observability.datadog.apiKeySecret', {
      message: ['missing'],
      fix: ['datadog-api-key'],
    });
    expectIssue(config, 'observability.datadog.site', {
      message: ["'datadoghq.eur' is not a Datadog site", "did you mean 'datadoghq.eu'"],
      fix: ['datadoghq.com'],
    });
    expectIssue(config, 'observability.datadog.notify[0]', {
      message: ["'ops'"],
      fix: ['@slack-ops-alerts'],
    });
    expectIssue(config, 'observability.datadog.notify', { message: ['no monitors'], fix: ['appKeySecret'] });
    expectIssue(
      withObservability({ provider: 'datadog', datadog: { apiKeySecret: 'ddKey' } }),
      'observability.datadog.apiKeySecret',
      { message: ["no secret named 'ddKey' is declared"], fix: ['stripeKey'] },
    );
  });

  it('needs Elastic’s https endpoint and key, and refuses settings for a provider not in use', () => {
    expectIssue(
      withObservability({ provider: 'elastic', elastic: { endpoint: 'http://apm.internal:8200' } }),
      'observability.elastic.endpoint',
      { message: ['not an https URL'], fix: ['https://'] },
    );
    expectIssue(withObservability({ provider: 'elastic' }), 'observability.elastic.apiKeySecret', {
      message: ['missing'],
      fix: ['elastic-api-key'],
    });
    expectIssue(withObservability({ datadog: { apiKeySecret: 'stripeKey' } }), 'observability.datadog', {
      message: ["no environment's provider is 'datadog'", 'ignored'],
      fix: ["provider: 'datadog'"],
    });
    expectIssue(
      withObservability(
        { provider: 'datadog', datadog: { apiKeySecret: 'stripeKey' } },
        { provider: 'cloudwatch', datadog: { site: 'datadoghq.eu' } },
      ),
      'environments.prod.observability.datadog',
      {
        message: ["prod's provider is 'cloudwatch'"],
        fix: ["environments.prod.observability.provider: 'datadog'"],
      },
    );
  });

  it('accepts a complete Elastic provider in production only, with every field where it was written', () => {
    const config = withObservability(
      { alerts: { email: ['ops@example.com'] } },
      { provider: 'elastic', elastic: { endpoint: 'https://apm.example.com', apiKeySecret: 'stripeKey' } },
    );
    expect(observabilityOf(config, 'prod')).toMatchObject({
      provider: 'elastic',
      elastic: { endpoint: 'https://apm.example.com', apiKeySecret: 'stripeKey' },
    });
    expect(observabilityOf(config, 'dev')?.provider).toBe('cloudwatch');
    const appWide = {
      provider: 'elastic',
      elastic: { endpoint: 'https://apm.example.com', apiKeySecret: 'stripeKey' },
    } as const;
    expect(observabilityOf(withObservability(appWide, { provider: 'cloudwatch' }), 'prod')?.provider).toBe(
      'cloudwatch',
    );
    expect(observabilityOf(config, 'dev')?.elastic).toBeUndefined();
    expect(
      issuesOf(withObservability({ provider: 'elastic' }, { provider: 'cloudwatch' })).map((i) => i.path),
    ).toEqual(['observability.elastic.endpoint', 'observability.elastic.apiKeySecret']);
  });
});
