/**
 * Datadog on EKS: the keys it reads must be declared secrets that External Secrets can sync, the
 * site must be one of Datadog's, and monitors must say whom they wake: in production, someone.
 */
import type { EksClusterModel, EksDatadogModel } from '../../model/eks.js';
import type { EnvironmentModel } from '../../model/types.js';
import { DATADOG_HANDLE, DATADOG_SITES } from '../data/datadog-sites.js';
import { type ConfigIssue, issue } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import { didYouMean, listOf } from '../suggest.js';
import { undeclaredSecret } from './declared-secret.js';
import { eksPath } from './eks-path.js';
import { observabilityPath } from './observability.js';

/** Whether the config has an `eks.datadog` block for the environment (its own or the app's). */
export function declaresEksDatadog(config: SlipwayConfig, env: string): boolean {
  return config.eks?.datadog !== undefined || config.environments[env]?.eks?.datadog !== undefined;
}

/**
 * The cluster's agent with `observability.datadog`'s settings (no `eks.datadog`): those fields are
 * checked by the observability validator; here only what the cluster adds, how its keys arrive.
 */
export function checkDatadogSecretsSource(
  config: SlipwayConfig,
  env: EnvironmentModel,
  cluster: EksClusterModel,
): ConfigIssue[] {
  return secretsSource(
    observabilityPath(config, env.name, 'provider'),
    cluster,
    "set the observability provider to 'cloudwatch' or 'elastic'",
  );
}

function secretsSource(path: string, cluster: EksClusterModel, orElse: string): ConfigIssue[] {
  if (cluster.secrets !== 'secrets-store-csi') return [];
  return [
    issue(
      path,
      "the Datadog chart reads its keys from Kubernetes Secrets, which only External Secrets makes here; the Secrets Store CSI driver's EKS add-on cannot sync one",
      `set eks.secrets to 'external-secrets', or ${orElse}`,
    ),
  ];
}

export function checkDatadog(
  config: SlipwayConfig,
  env: EnvironmentModel,
  cluster: EksClusterModel,
  datadog: EksDatadogModel,
): ConfigIssue[] {
  const path = (...field: (string | number)[]) => eksPath(config, env.name, 'datadog', ...field);
  const issues: ConfigIssue[] = [
    ...secretsSource(eksPath(config, env.name, 'datadog'), cluster, 'remove datadog'),
  ];
  if (datadog.apiKeySecret === '') {
    issues.push(
      issue(
        path('apiKeySecret'),
        'missing: the agent cannot report without an API key',
        "name the declared secret that holds it, e.g. apiKeySecret: 'datadog-api-key'",
      ),
    );
  } else {
    issues.push(...undeclaredSecret(env, datadog.apiKeySecret, path('apiKeySecret'), 'datadog-api-key'));
  }
  if (!DATADOG_SITES.includes(datadog.site)) {
    issues.push(
      issue(
        path('site'),
        `'${datadog.site}' is not a Datadog site${didYouMean(datadog.site, DATADOG_SITES)}`,
        `use your organisation's site parameter, one of ${listOf(DATADOG_SITES)}`,
      ),
    );
  }
  const notify = config.environments[env.name]?.eks?.datadog?.notify ?? config.eks?.datadog?.notify ?? [];
  notify.forEach((handle, i) => {
    if (!DATADOG_HANDLE.test(handle)) {
      issues.push(
        issue(
          path('notify', i),
          `'${handle}' is not a Datadog notification handle`,
          "write it as Datadog does in a monitor's message, e.g. '@slack-ops-alerts', '@pagerduty-web' or '@oncall@example.com'",
        ),
      );
    }
  });
  const monitors = datadog.monitors;
  if (monitors === undefined) {
    if (notify.length > 0) {
      issues.push(
        issue(
          path('notify'),
          'there are no monitors to notify from: the Datadog Operator keeps monitors only with an application key',
          "add appKeySecret: '<declared secret with a Datadog application key>', or remove notify",
        ),
      );
    }
    return issues;
  }
  issues.push(...undeclaredSecret(env, monitors.appKeySecret, path('appKeySecret'), 'datadog-app-key'));
  if (env.production && monitors.notify.length === 0) {
    issues.push(
      issue(
        path('notify'),
        `${env.name} is production, and its monitors would notify no one`,
        "list who they wake, e.g. notify: ['@pagerduty-<service>', '@slack-<team>-alerts']",
      ),
    );
  }
  return issues;
}
