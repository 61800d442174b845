/**
 * Datadog's sites by their site parameter, the value the agent's `site` takes. Each site is a
 * separate Datadog: a key of one is refused by another. Source: Datadog's "Getting Started with
 * Datadog Sites" page (docs.datadoghq.com/getting_started/site), read 2026-12-02.
 */
export const DATADOG_SITES: readonly string[] = [
  'datadoghq.com', // US1
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'datadoghq.eu', // EU1, Germany
  'ap1.datadoghq.com', // Japan
  'ap2.datadoghq.com', // Australia
  'ddog-gov.com', // US1-FED
  'us2.ddog-gov.com', // US2-FED
];

/**
 * A Datadog notification handle: '@' and no blanks, e.g. '@slack-ops', '@pagerduty-web',
 * '@oncall@example.com', '@webhook-deploys', '@teams-platform'.
 */
export const DATADOG_HANDLE = /^@[^\s@][^\s]*$/;
