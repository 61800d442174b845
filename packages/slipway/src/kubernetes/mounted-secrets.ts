import type { IEnvVar, IVolume, IVolumeMount } from 'kubernetes-models/v1';
import { stringify } from 'yaml';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { ssmParameterName } from '../naming/names.js';
import { VALKEY_PORT } from '../stacks/data/valkey-cache.js';
import { dataKeys } from '../stacks/shared/cross-stack.js';
import { serviceLabels } from './labels.js';
import { ManifestError, servicePathOf } from './manifest-error.js';
import type { IAwsProviderObject } from './secret-provider-class-types.js';
import { SecretProviderClass } from './secret-provider-class.js';
import { syncWave } from './sync-wave.js';

/** Where a service's pods find their secrets and connection endpoints, one file each. */
export const MOUNTED_SECRETS_PATH = '/mnt/secrets';

const VOLUME_NAME = 'secrets';

/** `<service>-secrets`: the SecretProviderClass the service's pods mount. */
export function secretProviderClassName(service: ServiceModel): string {
  return `${service.name}-secrets`;
}

/** A service's SecretProviderClass and what its pods need to use it. */
export interface MountedSecrets {
  readonly secretProviderClass: SecretProviderClass;
  readonly volume: IVolume;
  readonly mount: IVolumeMount;
  /** The fixed settings beside the files (ports, names), as plain variables. */
  readonly variables: readonly IEnvVar[];
}

/**
 * With `eks.secrets: 'secrets-store-csi'`, what External Secrets would sync into `<service>-env`
 * is mounted instead, read-only at `/mnt/secrets`, fetched by the driver as the pod (Pod Identity):
 * one file per value, named as the variable it is on ECS. The EKS add-on cannot sync the files
 * into a Kubernetes Secret (its `syncSecret` setting is accepted but never reaches the driver's
 * chart, so the driver lacks the RBAC to write Secrets), so the app reads the files:
 * - `DATABASE_HOST`, and `DATABASE_READER_HOST_<n>` for each read replica; `DATABASE_PORT`,
 *   `DATABASE_NAME`, `DATABASE_USER`, `DATABASE_IAM_AUTH` and `DATABASE_SSL` stay variables;
 * - `REDIS_HOST`, with `REDIS_PORT` a variable (TLS, no password, as `REDIS_URL` on ECS);
 * - each declared secret under its variable's name, the whole value.
 * The files are read at pod start; a rotated value reaches pods started after it.
 * None for a service that uses no database, cache or secret.
 */
export function serviceMountedSecrets(
  env: EnvironmentModel,
  service: ServiceModel,
  props: { readonly app: string; readonly namespace: string },
): MountedSecrets | undefined {
  const parameter = (key: string) => ssmParameterName(props.app, env.name, 'data', key);
  const objects: IAwsProviderObject[] = [];
  const variables: Record<string, string> = {};
  const dataFile = (objectAlias: string, key: string) =>
    objects.push({ objectName: parameter(key), objectType: 'ssmparameter', objectAlias });

  const database = lookUp(env, service, 'database', env.databases, service.database);
  if (database) {
    dataFile('DATABASE_HOST', dataKeys.endpointAddress(database.name));
    for (let i = 1; i <= database.readReplicas; i++) {
      dataFile(`DATABASE_READER_HOST_${i}`, dataKeys.replicaEndpointAddress(database.name, i));
    }
    variables.DATABASE_PORT = String(database.port);
    variables.DATABASE_NAME = database.databaseName;
    variables.DATABASE_USER = database.appUsername;
    variables.DATABASE_IAM_AUTH = 'true';
    variables.DATABASE_SSL = 'verify-full';
  }
  const cache = lookUp(env, service, 'cache', env.caches ?? [], service.cache);
  if (cache) {
    dataFile('REDIS_HOST', dataKeys.cacheEndpointAddress(cache.name));
    variables.REDIS_PORT = String(VALKEY_PORT);
  }

  const taken = new Set([...objects.map((o) => o.objectAlias), ...Object.keys(variables)]);
  for (const name of taken) {
    if (service.environment[name] !== undefined) {
      throw new ManifestError(
        servicePathOf(env.name, service.name, `environment.${name}`),
        `${name} is set by Slipway for the service's ${name.startsWith('REDIS') ? 'cache' : 'database'}`,
        'remove it from environment',
      );
    }
  }
  for (const [variable, secretName] of Object.entries(service.secrets)) {
    const path = servicePathOf(env.name, service.name, `secrets.${variable}`);
    const declared = env.secrets.find((s) => s.name === secretName);
    if (!declared) {
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
    // The name becomes a file name in the mount, so it must not hold a path.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new ManifestError(
        path,
        `'${variable}' cannot be a variable and file name here`,
        'use letters, digits and underscores, e.g. API_TOKEN',
      );
    }
    taken.add(variable);
    objects.push({
      objectName: declared.path,
      objectType: declared.source === 'secretsmanager' ? 'secretsmanager' : 'ssmparameter',
      objectAlias: variable,
    });
  }

  if (objects.length === 0) return undefined;
  const name = secretProviderClassName(service);
  const secretProviderClass = new SecretProviderClass({
    metadata: {
      name,
      namespace: props.namespace,
      labels: serviceLabels(props.app, service),
      // Before the Deployment, whose pods cannot start without it.
      annotations: syncWave(-1),
    },
    spec: {
      provider: 'aws',
      parameters: {
        objects: stringify(objects, { lineWidth: 0 }),
        region: env.region,
        usePodIdentity: 'true',
      },
    },
  });
  return {
    secretProviderClass,
    volume: {
      name: VOLUME_NAME,
      csi: {
        driver: 'secrets-store.csi.k8s.io',
        readOnly: true,
        volumeAttributes: { secretProviderClass: name },
      },
    },
    mount: { name: VOLUME_NAME, mountPath: MOUNTED_SECRETS_PATH, readOnly: true },
    variables: Object.entries(variables).map(([variable, value]) => ({ name: variable, value })),
  };
}

/** The named database or cache of the environment; a name it does not declare is an error. */
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
