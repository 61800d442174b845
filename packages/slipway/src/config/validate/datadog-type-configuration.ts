/**
 * Datadog's monitor type has one configuration per account and region (its site and keys), set by
 * each deploy of an environment with Datadog monitors on ECS (decision 025). Two such environments
 * in one account and region must agree on it, or each deploy would point the other's monitors at
 * its own Datadog organisation.
 */
import {
  type DatadogMonitorsModel,
  ecsDatadogMonitors,
  secretReference,
} from '../../model/ecs-datadog-monitors.js';
import type { EnvironmentModel } from '../../model/types.js';
import { type ConfigIssue, issue } from '../errors.js';
import type { Validator } from './context.js';
import { observabilityPath } from './observability.js';

interface Configured {
  readonly env: EnvironmentModel;
  readonly datadog: DatadogMonitorsModel;
}

/** What the type's configuration takes from an environment, field by field, as a deploy would set it. */
function settings({ env, datadog }: Configured): Record<'site' | 'apiKeySecret' | 'appKeySecret', string> {
  return {
    site: datadog.site,
    apiKeySecret: secretReference(env.secrets, datadog.apiKeySecret) ?? datadog.apiKeySecret,
    appKeySecret: secretReference(env.secrets, datadog.appKeySecret) ?? datadog.appKeySecret,
  };
}

export const validateDatadogTypeConfiguration: Validator = ({ config, model }) => {
  const first = new Map<string, Configured>();
  const issues: ConfigIssue[] = [];
  for (const env of model.environments) {
    const datadog = ecsDatadogMonitors(env);
    if (datadog === undefined) continue;
    const place = `${env.account}/${env.region}`;
    const earlier = first.get(place);
    if (earlier === undefined) {
      first.set(place, { env, datadog });
      continue;
    }
    const theirs = settings(earlier);
    const ours = settings({ env, datadog });
    for (const field of ['site', 'apiKeySecret', 'appKeySecret'] as const) {
      if (theirs[field] === ours[field]) continue;
      const what = field === 'site' ? 'site' : field === 'apiKeySecret' ? 'API key' : 'application key';
      issues.push(
        issue(
          observabilityPath(config, env.name, 'datadog', field),
          `${env.name} and ${earlier.env.name} share ${place}, where Datadog's monitor type has one configuration, ` +
            `but their Datadog ${what} differs (${ours[field]} here, ${theirs[field]} in ${earlier.env.name}): ` +
            "each deploy would send the other's monitors to its own Datadog organisation",
          `give both environments the same Datadog site and keys, or move ${env.name} to another account or region`,
        ),
      );
    }
  }
  return issues;
};
