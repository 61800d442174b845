import type { SecretModel } from '../../model/types.js';
import type { SecretConfig } from '../schema.js';

/**
 * The environment's secrets: every declared secret, with the environment's source when it gives
 * one. A secret with no source or two sources still resolves (as SSM) so validation can report it
 * with the path instead of resolution failing first.
 */
export function resolveSecrets(
  declared: Readonly<Record<string, SecretConfig>> | undefined,
  overrides: Readonly<Record<string, SecretConfig>> | undefined,
): SecretModel[] {
  return Object.entries(declared ?? {}).map(([name, secret]) => {
    const source = overrides?.[name] ?? secret;
    if (source.secretsManager !== undefined && source.ssm === undefined) {
      return { name, source: 'secretsmanager', path: source.secretsManager };
    }
    return { name, source: 'ssm', path: source.ssm ?? '' };
  });
}
