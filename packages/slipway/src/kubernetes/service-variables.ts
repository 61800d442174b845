import type {
  CacheModel,
  DatabaseModel,
  EnvironmentModel,
  SecretModel,
  ServiceModel,
} from '../model/types.js';
import { ManifestError, servicePathOf } from './manifest-error.js';

/** The service's database; a name the environment does not declare is an error. */
export function serviceDatabase(env: EnvironmentModel, service: ServiceModel): DatabaseModel | undefined {
  return lookUp(env, service, 'database', env.databases, service.database);
}

/** The service's cache; a name the environment does not declare is an error. */
export function serviceCache(env: EnvironmentModel, service: ServiceModel): CacheModel | undefined {
  return lookUp(env, service, 'cache', env.caches ?? [], service.cache);
}

/** The database's fixed settings, plain values beside its endpoints, named as on ECS. */
export function databaseSettings(database: DatabaseModel): Record<string, string> {
  return {
    DATABASE_PORT: String(database.port),
    DATABASE_NAME: database.databaseName,
    DATABASE_USER: database.appUsername,
    DATABASE_IAM_AUTH: 'true',
    DATABASE_SSL: 'verify-full',
  };
}

function lookUp<T extends { readonly name: string }>(
  env: EnvironmentModel,
  service: ServiceModel,
  field: 'database' | 'cache',
  declared: readonly T[],
  name: string | undefined,
): T | undefined {
  if (name === undefined) return undefined;
  const found = declared.find((d) => d.name === name);
  if (!found) {
    throw new ManifestError(
      servicePathOf(env.name, service.name, field),
      `no ${field} named '${name}' is declared in ${env.name}`,
      `declare it under ${field === 'database' ? 'databases' : 'caches'} or use one of: ${declared.map((d) => d.name).join(', ') || '(none)'}`,
    );
  }
  return found;
}

/** Refuses a variable the service also sets itself among those Slipway sets for its database or cache. */
export function refuseSlipwayVariables(
  env: EnvironmentModel,
  service: ServiceModel,
  names: Iterable<string>,
): void {
  for (const name of names) {
    if (service.environment[name] !== undefined) {
      throw new ManifestError(
        servicePathOf(env.name, service.name, `environment.${name}`),
        // The cache's variables are REDIS_URL, or REDIS_HOST and REDIS_PORT; the rest are the database's.
        `${name} is set by Slipway for the service's ${name.startsWith('REDIS') ? 'cache' : 'database'}`,
        'remove it from environment',
      );
    }
  }
}

/** One of the service's secrets: its variable, the environment's declaration and the path errors name. */
export interface ServiceSecret {
  readonly variable: string;
  readonly secret: SecretModel;
  readonly path: string;
}

/**
 * The service's secrets with their declarations, each checked: declared in the environment, its
 * variable neither plain, among `taken` (the Slipway-set ones) nor `PORT`, which the Deployment
 * sets and a pod's own variables win over. Yielded one at a time, so a caller's own check of an
 * entry runs before the next entry's.
 */
export function* serviceSecrets(
  env: EnvironmentModel,
  service: ServiceModel,
  taken: ReadonlySet<string>,
): Generator<ServiceSecret> {
  for (const [variable, secretName] of Object.entries(service.secrets)) {
    const path = servicePathOf(env.name, service.name, `secrets.${variable}`);
    const secret = env.secrets.find((s) => s.name === secretName);
    if (!secret) {
      throw new ManifestError(
        path,
        `no secret named '${secretName}' is declared in ${env.name}`,
        `declare it under secrets or use one of: ${env.secrets.map((s) => s.name).join(', ') || '(none)'}`,
      );
    }
    if (variable in service.environment || taken.has(variable) || variable === 'PORT') {
      throw new ManifestError(
        path,
        `${variable} is also a plain or Slipway-set variable`,
        'keep it in one place',
      );
    }
    yield { variable, secret, path };
  }
}
