import type { EnvironmentModel } from '../../model/types.js';
import { type ConfigIssue, issue } from '../errors.js';
import { listOf } from '../suggest.js';

/**
 * A setting that names the secret holding a key (Datadog's, Elastic's) must name a declared one,
 * so the key reaches the containers the way every other secret does.
 */
export function undeclaredSecret(
  env: EnvironmentModel,
  secret: string,
  at: string,
  /** The secret's suggested name, for the example in the fix. */
  example: string,
): ConfigIssue[] {
  if (env.secrets.some((s) => s.name === secret)) return [];
  const declared = env.secrets.map((s) => s.name);
  return [
    issue(
      at,
      `no secret named '${secret}' is declared`,
      declared.length > 0
        ? `use one of ${listOf(declared)}, or declare '${secret}' under secrets`
        : `declare it, e.g. secrets: { ${secret}: { secretsManager: '<app>/${example}' } }`,
    ),
  ];
}
