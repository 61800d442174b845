/**
 * Environment-level settings: that there is at least one environment, account ids, the GitHub
 * environment each deploy role trusts, log retention, domain and cost assumptions.
 */
import type { EnvironmentModel } from '../../model/types.js';
import { LOG_RETENTION_DAYS, nextLogRetention } from '../data/log-retention.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';
import { checkImageTag } from './image-tag.js';

const ACCOUNT = /^\d{12}$/;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):(\d{12}):certificate\/[A-Za-z0-9-]+$/;
/** A month has at most 31 × 24 hours. */
const MAX_HOURS_PER_MONTH = 744;

export const validateEnvironments: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  if (model.environments.length === 0) {
    issues.push(
      issue(
        'environments',
        'declares no environments, so there is nothing to plan or deploy',
        "add one, e.g. dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] }",
      ),
    );
  }
  if (config.ci?.account !== undefined && !ACCOUNT.test(config.ci.account)) {
    issues.push(accountIssue('ci.account', config.ci.account));
  }
  if (config.ci?.maxImageAgeDays !== undefined && config.ci.maxImageAgeDays < 1) {
    issues.push(
      issue(
        'ci.maxImageAgeDays',
        `${config.ci.maxImageAgeDays} days would expire every image at once`,
        'use 1 or more (default 60)',
      ),
    );
  }
  for (const env of model.environments) {
    const path = (...rest: string[]) => joinPath('environments', env.name, ...rest);
    if (!ACCOUNT.test(env.account)) issues.push(accountIssue(path('account'), env.account));
    issues.push(...checkGithubEnvironment(path('githubEnvironment'), model.ci.deployRoles, env));
    issues.push(...checkRetention(path('logRetentionDays'), env.logRetentionDays));
    issues.push(...checkRetention(path('network', 'flowLogRetentionDays'), env.network.flowLogRetentionDays));
    issues.push(...checkImageTag(path('imageTag'), config.environments[env.name]?.imageTag));
    issues.push(...checkDomain(env, path));
    issues.push(...checkUsage(config.environments[env.name]?.usage, (key) => path('usage', key)));
  }
  issues.push(...checkUsage(config.usage, (key) => joinPath('usage', key)));
  return issues;
};

function accountIssue(path: string, account: string): ConfigIssue {
  return issue(
    path,
    `'${account}' is not a 12-digit AWS account id`,
    "write all 12 digits as a string, e.g. '111111111111'",
  );
}

function checkGithubEnvironment(
  path: string,
  roles: readonly { environment: string; githubEnvironment: string }[],
  env: EnvironmentModel,
): ConfigIssue[] {
  const name = roles.find((role) => role.environment === env.name)?.githubEnvironment ?? '';
  if (name.trim() === '' || name !== name.trim() || /[*?:[\]]/.test(name) || name.length > 255) {
    return [
      issue(
        path,
        `'${name}' cannot name a GitHub environment in an OIDC subject: it must be exact, without wildcards or ':'`,
        `use the GitHub environment's exact name, e.g. '${env.production ? 'production' : env.name}'`,
      ),
    ];
  }
  return [];
}

function checkRetention(path: string, days: number): ConfigIssue[] {
  if (LOG_RETENTION_DAYS.includes(days)) return [];
  return [
    issue(
      path,
      `${days} days is not a retention CloudWatch Logs accepts`,
      `use ${nextLogRetention(days)} or another of ${LOG_RETENTION_DAYS.join(', ')}`,
    ),
  ];
}

function checkDomain(env: EnvironmentModel, path: (...rest: string[]) => string): ConfigIssue[] {
  if (env.domain === undefined) return [];
  const issues: ConfigIssue[] = [];
  if (!env.services.some((service) => service.public)) {
    issues.push(
      issue(
        path('domain'),
        `no service of '${env.name}' is public, so the environment has no load balancer to answer '${env.domain.name}'`,
        'remove domain, or make a service public (public: true, the default)',
      ),
    );
  }
  if (!HOST_NAME.test(env.domain.name)) {
    issues.push(
      issue(
        path('domain', 'name'),
        `'${env.domain.name}' is not a lower-case host name`,
        "use a name like 'app.example.com'",
      ),
    );
  }
  const arn = CERTIFICATE_ARN.exec(env.domain.certificateArn);
  if (arn === null) {
    issues.push(
      issue(
        path('domain', 'certificateArn'),
        `'${env.domain.certificateArn}' is not an ACM certificate ARN`,
        `use the ARN ACM shows, e.g. 'arn:aws:acm:${env.region}:${env.account}:certificate/…'`,
      ),
    );
  } else if (arn[1] !== env.region || arn[2] !== env.account) {
    issues.push(
      issue(
        path('domain', 'certificateArn'),
        `the certificate is in ${arn[2]}/${arn[1]}, but a load balancer can only use one in its own account and region (${env.account}/${env.region})`,
        `request or import the certificate in ${env.region} of account ${env.account} and use that ARN`,
      ),
    );
  }
  return issues;
}

function checkUsage(
  usage: Readonly<Record<string, number | undefined>> | undefined,
  path: (key: string) => string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(usage ?? {})) {
    if (value === undefined) continue;
    if (value < 0) issues.push(issue(path(key), `${value} is negative`, 'use 0 or more'));
    else if (key === 'hoursPerMonth' && (value === 0 || value > MAX_HOURS_PER_MONTH)) {
      issues.push(
        issue(
          path(key),
          `${value} hours is not a month of running time`,
          `use 1–${MAX_HOURS_PER_MONTH} (730 is always on)`,
        ),
      );
    }
  }
  return issues;
}
