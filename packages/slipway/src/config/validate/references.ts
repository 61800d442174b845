/**
 * Names that point at other declarations: a service's database and secrets, per-environment
 * overrides, and acknowledgements' stacks. A dangling name would otherwise surface as a synth
 * failure far from the config line that caused it.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { didYouMean, listOf } from '../suggest.js';
import type { Validator } from './context.js';

export const validateReferences: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const databases = Object.keys(config.databases ?? {});
  const secrets = Object.keys(config.secrets ?? {});
  const services = Object.keys(config.services ?? {});
  const dangling = (path: string, kind: string, name: string, declared: readonly string[], where: string) =>
    issue(
      path,
      `no ${kind} named '${name}' is declared${didYouMean(name, declared)}`,
      declared.length > 0
        ? `use one of ${listOf(declared)}, or declare '${name}' under ${where}`
        : `declare '${name}' under ${where}`,
    );

  for (const [name, service] of Object.entries(config.services ?? {})) {
    if (service.database !== undefined && !databases.includes(service.database)) {
      issues.push(
        dangling(
          joinPath('services', name, 'database'),
          'database',
          service.database,
          databases,
          'databases',
        ),
      );
    }
    for (const [variable, secret] of Object.entries(service.secrets ?? {})) {
      if (!secrets.includes(secret)) {
        issues.push(
          dangling(joinPath('services', name, 'secrets', variable), 'secret', secret, secrets, 'secrets'),
        );
      }
    }
  }
  for (const [env, environment] of Object.entries(config.environments)) {
    for (const [name, override] of Object.entries(environment.services ?? {})) {
      if (!services.includes(name)) {
        issues.push(
          dangling(joinPath('environments', env, 'services', name), 'service', name, services, 'services'),
        );
      }
      for (const [variable, secret] of Object.entries(override.secrets ?? {})) {
        if (!secrets.includes(secret)) {
          issues.push(
            dangling(
              joinPath('environments', env, 'services', name, 'secrets', variable),
              'secret',
              secret,
              secrets,
              'secrets',
            ),
          );
        }
      }
    }
    for (const name of Object.keys(environment.databases ?? {})) {
      if (!databases.includes(name)) {
        issues.push(
          dangling(
            joinPath('environments', env, 'databases', name),
            'database',
            name,
            databases,
            'databases',
          ),
        );
      }
    }
    for (const name of Object.keys(environment.secrets ?? {})) {
      if (!secrets.includes(name)) {
        issues.push(
          dangling(joinPath('environments', env, 'secrets', name), 'secret', name, secrets, 'secrets'),
        );
      }
    }
  }
  const stacks = [
    model.ci.stackName,
    ...model.environments.flatMap((env) => [
      env.stackNames.network,
      env.stackNames.data,
      env.stackNames.runtime,
      ...Object.values(env.stackNames.services),
    ]),
  ];
  (config.acknowledgements ?? []).forEach((ack, index) => {
    if (ack.stack !== undefined && !stacks.includes(ack.stack)) {
      issues.push(
        issue(
          joinPath('acknowledgements', index, 'stack'),
          `no stack named '${ack.stack}' is derived from this config${didYouMean(ack.stack, stacks)}`,
          `use one of ${listOf(stacks)}`,
        ),
      );
    }
  });
  return issues;
};
