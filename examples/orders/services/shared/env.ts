/** A variable a service cannot start without is missing or malformed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A required variable's value, or a ConfigError naming it and what to set. */
export function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set. Fix: set it to ${what}.`);
  return value;
}

/** PORT as a number; Slipway sets it to the service's port in the cloud and locally. */
export function port(env: NodeJS.ProcessEnv): number {
  const raw = required(env, 'PORT', 'the port to listen on, such as 8080');
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new ConfigError(`PORT=${JSON.stringify(raw)} is not a port. Fix: set a number from 1 to 65535.`);
  }
  return value;
}

/** A base URL such as INVENTORY_URL, without a trailing slash. */
export function baseUrl(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const raw = required(env, name, `the service's address, such as ${example}`);
  try {
    return new URL(raw).href.replace(/\/$/, '');
  } catch {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} is not a URL. Fix: set it to an address such as ${example}.`,
    );
  }
}
