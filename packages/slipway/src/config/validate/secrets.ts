/**
 * Secret sources: each secret names exactly one place, with a name that service accepts. Values
 * never appear in config; Slipway only wires the reference.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { SecretConfig } from '../schema.js';
import type { Validator } from './context.js';

/** SSM: letters, digits and `_.-/`, not under the reserved `aws`/`ssm` prefixes. */
const SSM_NAME = /^\/?[A-Za-z0-9_.\-/]{1,2047}$/;
const SSM_RESERVED = /^\/?(aws|ssm)/i;
const SECRETS_MANAGER_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

export const validateSecrets: Validator = ({ config }) => [
  ...Object.entries(config.secrets ?? {}).flatMap(([name, secret]) => check(['secrets', name], secret)),
  ...Object.entries(config.environments).flatMap(([env, environment]) =>
    Object.entries(environment.secrets ?? {}).flatMap(([name, secret]) =>
      check(['environments', env, 'secrets', name], secret),
    ),
  ),
];

function check(base: string[], secret: SecretConfig): ConfigIssue[] {
  const path = joinPath(...base);
  if (secret.ssm !== undefined && secret.secretsManager !== undefined) {
    return [
      issue(
        path,
        'names both an SSM parameter and a Secrets Manager secret',
        'keep exactly one of ssm or secretsManager',
      ),
    ];
  }
  if (secret.ssm !== undefined) {
    if (!SSM_NAME.test(secret.ssm) || secret.ssm.includes('//')) {
      return [
        issue(
          joinPath(...base, 'ssm'),
          `'${secret.ssm}' is not an SSM parameter name`,
          "use letters, digits and '_', '.', '-', '/' in a path such as '/shop/prod/stripe_key'",
        ),
      ];
    }
    if (SSM_RESERVED.test(secret.ssm)) {
      return [
        issue(
          joinPath(...base, 'ssm'),
          `'${secret.ssm}' starts with 'aws' or 'ssm', which SSM reserves`,
          "put it under your app's prefix, e.g. '/shop/…'",
        ),
      ];
    }
    return [];
  }
  if (secret.secretsManager !== undefined) {
    if (!SECRETS_MANAGER_NAME.test(secret.secretsManager)) {
      return [
        issue(
          joinPath(...base, 'secretsManager'),
          `'${secret.secretsManager}' is not a Secrets Manager secret name`,
          "use letters, digits and '/_+=.@-', e.g. 'shop/admin-password'",
        ),
      ];
    }
    return [];
  }
  return [
    issue(
      path,
      'names no source',
      "set ssm: '/app/…' (an existing SecureString parameter) or secretsManager: 'app/…' (a secret Slipway creates)",
    ),
  ];
}
