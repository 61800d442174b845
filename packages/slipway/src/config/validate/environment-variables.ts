/**
 * Plain environment variables end up in the task definition in clear text, visible to anyone who
 * can describe it. Names that look like credentials, and values with credentials inside, must go
 * through `secrets` instead (SECURITY.md 5).
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SENSITIVE = /PASSWORD|SECRET|TOKEN|KEY/i;
/** `scheme://user:password@host`: a connection string with its password in it. */
const CREDENTIALS_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

export const validateEnvironmentVariables: Validator = ({ config }) => {
  const issues: ConfigIssue[] = [];
  const places = [
    ...Object.entries(config.services ?? {}).map(([name, service]) => ({
      base: ['services', name],
      environment: service.environment,
      secrets: service.secrets,
    })),
    ...Object.entries(config.environments).flatMap(([env, environment]) =>
      Object.entries(environment.services ?? {}).map(([name, override]) => ({
        base: ['environments', env, 'services', name],
        environment: override.environment,
        secrets: override.secrets,
      })),
    ),
  ];
  for (const { base, environment, secrets } of places) {
    for (const [name, value] of Object.entries(environment ?? {})) {
      const path = joinPath(...base, 'environment', name);
      if (!VARIABLE_NAME.test(name)) issues.push(badName(path, name));
      if (SENSITIVE.test(name)) {
        issues.push(
          issue(
            path,
            `'${name}' looks like a credential, and plain environment variables are stored in clear text in the task definition`,
            `move it to secrets: declare it under the top-level secrets (an SSM SecureString or a Secrets Manager secret) and map ${name} to it in this service's secrets`,
          ),
        );
      } else if (CREDENTIALS_IN_URL.test(value)) {
        issues.push(
          issue(
            path,
            `the value of '${name}' contains a password inside a URL, stored in clear text in the task definition`,
            'keep the URL without the password here and read the password from secrets',
          ),
        );
      }
      if (secrets?.[name] !== undefined) {
        issues.push(
          issue(
            path,
            `'${name}' is set both as a plain variable and as a secret`,
            'keep only the secrets entry',
          ),
        );
      }
    }
    for (const name of Object.keys(secrets ?? {})) {
      if (!VARIABLE_NAME.test(name)) issues.push(badName(joinPath(...base, 'secrets', name), name));
    }
  }
  return issues;
};

function badName(path: string, name: string): ConfigIssue {
  return issue(
    path,
    `'${name}' is not a valid environment variable name`,
    "use letters, digits and '_', not starting with a digit, e.g. 'STRIPE_KEY'",
  );
}
