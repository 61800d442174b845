/**
 * Observability: alert routes that AWS will accept (addresses, Slack ids, a secret's name), and a
 * provider whose settings are complete: Datadog's key and site, Elastic's endpoint and key, each
 * key a declared secret. Settings for a provider the environment does not use are refused, since
 * they would be silently ignored.
 */
import type { DatadogModel, ElasticModel } from '../../model/observability.js';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { DATADOG_HANDLE, DATADOG_SITES } from '../data/datadog-sites.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import { didYouMean, listOf } from '../suggest.js';
import type { Validator } from './context.js';
import { undeclaredSecret } from './declared-secret.js';
import { checkUptime } from './uptime.js';

/** Deliberately loose: one '@', a dot in the domain, no blanks. SNS sends the real test (a confirmation). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** CloudFormation's patterns for AWS::Chatbot::SlackChannelConfiguration. */
const SLACK_WORKSPACE = /^[0-9A-Z]{1,255}$/;
const SLACK_CHANNEL = /^[A-Za-z0-9]{1,256}$/;
/** A Secrets Manager secret name (or its ARN), as CloudFormation's dynamic references accept it. */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@:-]{1,512}$/;

export const validateObservability: Validator = ({ config, model }) => [
  ...unusedProviderSettings(config, model),
  ...model.environments.flatMap((env) => {
    const observability = env.observability;
    if (observability === undefined) return [];
    const at = (...field: (string | number)[]) => observabilityPath(config, env.name, ...field);
    return [
      ...checkAlerts(config, env.name, observability.alerts.emails, at),
      ...datadogSetTwice(config, env),
      ...(observability.datadog === undefined ? [] : checkDatadog(env, observability.datadog, at)),
      ...(observability.elastic === undefined ? [] : checkElastic(env, observability.elastic, at)),
      ...checkUptime(config, env, at('uptime')),
    ];
  }),
];

/**
 * Where an `observability` field was written: the environment's block when it sets the field,
 * else the app's. `alerts` is replaced as a whole; within `datadog` and `elastic`, which merge
 * field by field, the field itself decides.
 */
export function observabilityPath(config: SlipwayConfig, env: string, ...field: (string | number)[]): string {
  const own = config.environments[env]?.observability as Record<string, unknown> | undefined;
  const [key, inner] = field;
  if (own !== undefined && typeof key === 'string' && own[key] !== undefined) {
    const merged = (key === 'datadog' || key === 'elastic') && typeof inner === 'string';
    const block = own[key] as Record<string, unknown>;
    if (!merged || block[inner] !== undefined)
      return joinPath('environments', env, 'observability', ...field);
  }
  return joinPath('observability', ...field);
}

type At = (...field: (string | number)[]) => string;

function checkAlerts(config: SlipwayConfig, env: string, emails: readonly string[], at: At): ConfigIssue[] {
  const alerts = config.environments[env]?.observability?.alerts ?? config.observability?.alerts;
  const issues: ConfigIssue[] = [];
  emails.forEach((email, i) => {
    if (!EMAIL.test(email)) {
      issues.push(
        issue(
          at('alerts', 'email', i),
          `'${email}' is not an email address`,
          "write it as 'oncall@example.com'",
        ),
      );
    }
  });
  if (new Set(emails).size !== emails.length) {
    issues.push(issue(at('alerts', 'email'), 'lists an address twice', 'list each address once'));
  }
  const slack = alerts?.slack;
  if (slack !== undefined && !SLACK_WORKSPACE.test(slack.workspaceId)) {
    issues.push(
      issue(
        at('alerts', 'slack', 'workspaceId'),
        `'${slack.workspaceId}' is not a Slack workspace id (capital letters and digits)`,
        "copy the workspace id from the chat integration's console after authorising the workspace, e.g. 'T0123ABCD'",
      ),
    );
  }
  if (slack !== undefined && !SLACK_CHANNEL.test(slack.channelId)) {
    issues.push(
      issue(
        at('alerts', 'slack', 'channelId'),
        `'${slack.channelId}' is not a Slack channel id (letters and digits, not the channel's name)`,
        "copy the id from the channel's details in Slack, e.g. 'C0123ABCD'",
      ),
    );
  }
  const pagerduty = alerts?.pagerduty;
  if (pagerduty !== undefined && !SECRET_NAME.test(pagerduty.integrationUrlSecret)) {
    issues.push(
      issue(
        at('alerts', 'pagerduty', 'integrationUrlSecret'),
        `'${pagerduty.integrationUrlSecret}' is not a Secrets Manager secret name`,
        "name the existing secret that holds PagerDuty's CloudWatch integration URL, e.g. 'shop/pagerduty-url'",
      ),
    );
  }
  return issues;
}

/**
 * Settings for a provider nobody uses would be ignored without a word: refuse them. The app's
 * block counts as used when some environment uses its provider; an environment's own block must
 * match that environment's provider.
 */
function unusedProviderSettings(config: SlipwayConfig, model: AppModel): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const provider of ['datadog', 'elastic'] as const) {
    const name = provider === 'datadog' ? 'Datadog' : 'Elastic';
    const users = model.environments.filter((env) => env.observability?.provider === provider);
    if (config.observability?.[provider] !== undefined && users.length === 0) {
      issues.push(
        issue(
          joinPath('observability', provider),
          `no environment's provider is '${provider}', so these ${name} settings would be ignored`,
          `set observability.provider: '${provider}' (or an environment's), or remove observability.${provider}`,
        ),
      );
    }
    for (const env of model.environments) {
      const own = config.environments[env.name]?.observability?.[provider];
      if (own === undefined || env.observability?.provider === provider) continue;
      issues.push(
        issue(
          joinPath('environments', env.name, 'observability', provider),
          `${env.name}'s provider is '${env.observability?.provider ?? 'cloudwatch'}', so these ${name} settings would be ignored`,
          `set environments.${env.name}.observability.provider: '${provider}', or remove them`,
        ),
      );
    }
  }
  return issues;
}

/** With Datadog as the provider the cluster takes its agent settings from observability.datadog. */
function datadogSetTwice(config: SlipwayConfig, env: EnvironmentModel): ConfigIssue[] {
  const declared =
    config.eks?.datadog !== undefined || config.environments[env.name]?.eks?.datadog !== undefined;
  if (env.observability?.provider !== 'datadog' || env.runtime !== 'eks' || !declared) return [];
  const eksBlock =
    config.environments[env.name]?.eks?.datadog !== undefined
      ? `environments.${env.name}.eks.datadog`
      : 'eks.datadog';
  return [
    issue(
      eksBlock,
      'Datadog is set twice: here and in observability.datadog, which the cluster also reads',
      `move its fields to observability.datadog and remove ${eksBlock}`,
    ),
  ];
}

function checkDatadog(env: EnvironmentModel, datadog: DatadogModel, at: At): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (datadog.apiKeySecret === '') {
    issues.push(
      issue(
        at('datadog', 'apiKeySecret'),
        'missing: the Datadog agent cannot report without an API key',
        "name the declared secret that holds it, e.g. apiKeySecret: 'datadog-api-key'",
      ),
    );
  } else {
    issues.push(
      ...undeclaredSecret(env, datadog.apiKeySecret, at('datadog', 'apiKeySecret'), 'datadog-api-key'),
    );
  }
  if (!DATADOG_SITES.includes(datadog.site)) {
    issues.push(
      issue(
        at('datadog', 'site'),
        `'${datadog.site}' is not a Datadog site${didYouMean(datadog.site, DATADOG_SITES)}`,
        `use your organisation's site parameter, one of ${listOf(DATADOG_SITES)}`,
      ),
    );
  }
  datadog.notify.forEach((handle, i) => {
    if (!DATADOG_HANDLE.test(handle)) {
      issues.push(
        issue(
          at('datadog', 'notify', i),
          `'${handle}' is not a Datadog notification handle`,
          "write it as Datadog does in a monitor's message, e.g. '@slack-ops-alerts' or '@pagerduty-web'",
        ),
      );
    }
  });
  if (datadog.appKeySecret === undefined) {
    if (datadog.notify.length > 0) {
      issues.push(
        issue(
          at('datadog', 'notify'),
          'there are no monitors to notify from: Slipway makes monitors only with an application key',
          "add appKeySecret: '<declared secret with a Datadog application key>', or remove notify",
        ),
      );
    }
  } else {
    issues.push(
      ...undeclaredSecret(env, datadog.appKeySecret, at('datadog', 'appKeySecret'), 'datadog-app-key'),
    );
    if (env.production && datadog.notify.length === 0) {
      issues.push(
        issue(
          at('datadog', 'notify'),
          `${env.name} is production, and its Datadog monitors would notify no one`,
          "list who they wake, e.g. notify: ['@pagerduty-<service>', '@slack-<team>-alerts']",
        ),
      );
    }
  }
  return issues;
}

function checkElastic(env: EnvironmentModel, elastic: ElasticModel, at: At): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (elastic.endpoint === '') {
    issues.push(
      issue(
        at('elastic', 'endpoint'),
        'missing: the collector needs somewhere to send traces, metrics and logs',
        "give the APM server's or managed OTLP endpoint's https URL, e.g. endpoint: 'https://my-deployment.apm.eu-west-1.aws.elastic.cloud'",
      ),
    );
  } else if (!isHttpsUrl(elastic.endpoint)) {
    issues.push(
      issue(
        at('elastic', 'endpoint'),
        `'${elastic.endpoint}' is not an https URL: the API key would cross the network in the clear`,
        "give the endpoint's https URL, e.g. 'https://my-deployment.apm.eu-west-1.aws.elastic.cloud'",
      ),
    );
  }
  if (elastic.apiKeySecret === '') {
    issues.push(
      issue(
        at('elastic', 'apiKeySecret'),
        'missing: Elastic refuses data without an API key',
        "name the declared secret that holds it, e.g. apiKeySecret: 'elastic-api-key'",
      ),
    );
  } else {
    issues.push(
      ...undeclaredSecret(env, elastic.apiKeySecret, at('elastic', 'apiKeySecret'), 'elastic-api-key'),
    );
  }
  return issues;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}
