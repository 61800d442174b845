/**
 * Names become CloudFormation stack names (`<app>-<env>-<layer>`), SSM paths and ECR repository
 * names, so they must be lower-case letters, digits and single hyphens, and the longest derived
 * stack name must fit CloudFormation's 128 characters.
 */
import type { EnvironmentModel } from '../../model/types.js';
import { RESERVED_SERVICE_NAMES } from '../../naming/names.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { listOf } from '../suggest.js';
import type { Validator } from './context.js';

const NAME = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;
const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const MAX_STACK_NAME = 128;

export const validateNames: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  issues.push(...checkName('app', config.app, 'the app name'));
  for (const env of Object.keys(config.environments)) {
    issues.push(...checkName(joinPath('environments', env), env, 'an environment name'));
  }
  for (const service of Object.keys(config.services ?? {})) {
    const path = joinPath('services', service);
    issues.push(...checkName(path, service, 'a service name'));
    if ((RESERVED_SERVICE_NAMES as readonly string[]).includes(service)) {
      issues.push(
        issue(
          path,
          `'${service}' is reserved: the environment's own ${service} stack already has that name`,
          `rename the service; ${listOf(RESERVED_SERVICE_NAMES)} are taken`,
        ),
      );
    }
  }
  for (const database of Object.keys(config.databases ?? {})) {
    issues.push(...checkName(joinPath('databases', database), database, 'a database name'));
  }
  for (const secret of Object.keys(config.secrets ?? {})) {
    if (!SECRET_NAME.test(secret)) {
      issues.push(
        issue(
          joinPath('secrets', secret),
          `'${secret}' is not a usable secret name`,
          "start with a letter and use letters, digits, '_' or '-', e.g. 'stripeKey'",
        ),
      );
    }
  }
  issues.push(...checkStackCollisions(model.ci.stackName, model.environments));
  for (const env of model.environments) {
    const { network, data, runtime, services } = env.stackNames;
    for (const stack of [network, data, runtime, ...Object.values(services)]) {
      if (stack.length > MAX_STACK_NAME) {
        issues.push(
          issue(
            joinPath('environments', env.name),
            `derived stack name '${stack.slice(0, 40)}…' is ${stack.length} characters; CloudFormation allows ${MAX_STACK_NAME}`,
            `shorten the app, environment or service name by ${stack.length - MAX_STACK_NAME} characters`,
          ),
        );
      }
    }
  }
  return issues;
};

/** Hyphens make `dev` + service `x-network` and environment `dev-x` derive the same stack name. */
function checkStackCollisions(ciStack: string, environments: readonly EnvironmentModel[]): ConfigIssue[] {
  const owners = new Map<string, string>([[ciStack, 'the CI stack']]);
  const issues: ConfigIssue[] = [];
  for (const env of environments) {
    const { network, data, runtime, services } = env.stackNames;
    const stacks: [string, string][] = [
      [network, `environment '${env.name}'`],
      [data, `environment '${env.name}'`],
      [runtime, `environment '${env.name}'`],
      // Reserved service names are reported on their own; their collision would repeat it.
      ...Object.entries(services)
        .filter(([service]) => !(RESERVED_SERVICE_NAMES as readonly string[]).includes(service))
        .map(([service, stack]): [string, string] => [stack, `service '${service}' in '${env.name}'`]),
    ];
    for (const [stack, owner] of stacks) {
      const first = owners.get(stack);
      if (first !== undefined && first !== owner) {
        issues.push(
          issue(
            joinPath('environments', env.name),
            `${owner} derives stack name '${stack}', which ${first} already uses`,
            'rename the environment or the service so every derived stack name is unique',
          ),
        );
      } else {
        owners.set(stack, owner);
      }
    }
  }
  return issues;
}

function checkName(path: string, name: string, what: string): ConfigIssue[] {
  if (NAME.test(name)) return [];
  const problems: string[] = [];
  if (name.length === 0) problems.push('it is empty');
  if (/[A-Z]/.test(name)) problems.push('it has upper-case letters');
  if (/[^A-Za-z0-9-]/.test(name)) problems.push("it has characters other than letters, digits and '-'");
  if (/^[^A-Za-z]/.test(name)) problems.push('it does not start with a letter');
  if (/-$/.test(name)) problems.push("it ends with '-'");
  const suggestion = suggestName(name);
  return [
    issue(
      path,
      `'${name}' cannot be ${what} in stack names: ${problems.join(', ') || 'it is not lower-case letters, digits and hyphens'}`,
      suggestion
        ? `rename it to '${suggestion}'`
        : 'use lower-case letters, digits and hyphens, starting with a letter',
    ),
  ];
}

/** `Prod_1` → `prod-1`: the nearest valid name, or undefined when nothing usable is left. */
function suggestName(name: string): string | undefined {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return NAME.test(cleaned) ? cleaned : undefined;
}
