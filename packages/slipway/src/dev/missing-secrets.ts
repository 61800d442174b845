import { displayPath } from './display-path.js';
import { secretVariable } from './local-secrets.js';
import type { LocalService } from './local-services.js';

/** Variable name → local value, for the service's secrets that have one. */
export function serviceSecrets(
  service: LocalService,
  values: ReadonlyMap<string, string>,
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [variable, secret] of Object.entries(service.secrets)) {
    const value = values.get(secret);
    if (value !== undefined) variables[variable] = value;
  }
  return variables;
}

/**
 * One warning per declared secret a running service maps but this machine has no value for,
 * naming who goes without it and both ways to provide it. The services still start: many run
 * fine without, say, a payment key until the code path that needs it.
 */
export function missingSecretWarnings(
  services: readonly LocalService[],
  values: ReadonlyMap<string, string>,
  secretsFile: string,
): string[] {
  const wanted = new Map<string, string[]>();
  for (const service of services) {
    for (const [variable, secret] of Object.entries(service.secrets)) {
      if (values.has(secret)) continue;
      wanted.set(secret, [...(wanted.get(secret) ?? []), `${variable} for ${service.name}`]);
    }
  }
  return [...wanted].map(
    ([secret, uses]) =>
      `secret '${secret}' has no local value, so ${uses.join(' and ')} is unset. ` +
      `Fix: add "${secret}": "…" to ${displayPath(secretsFile)}, or set ${secretVariable(secret)}`,
  );
}
