import type { IEnvVar, IVolume, IVolumeMount } from 'kubernetes-models/v1';
import { stringify } from 'yaml';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { ssmParameterName } from '../naming/names.js';
import { VALKEY_PORT } from '../stacks/data/valkey-cache.js';
import { dataKeys } from '../stacks/shared/cross-stack.js';
import { serviceLabels } from './labels.js';
import { ManifestError } from './manifest-error.js';
import type { IAwsProviderObject } from './secret-provider-class-types.js';
import { SecretProviderClass } from './secret-provider-class.js';
import {
  databaseSettings,
  refuseSlipwayVariables,
  serviceCache,
  serviceDatabase,
  serviceSecrets,
} from './service-variables.js';
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

  const database = serviceDatabase(env, service);
  if (database) {
    dataFile('DATABASE_HOST', dataKeys.endpointAddress(database.name));
    for (let i = 1; i <= database.readReplicas; i++) {
      dataFile(`DATABASE_READER_HOST_${i}`, dataKeys.replicaEndpointAddress(database.name, i));
    }
    Object.assign(variables, databaseSettings(database));
  }
  const cache = serviceCache(env, service);
  if (cache) {
    dataFile('REDIS_HOST', dataKeys.cacheEndpointAddress(cache.name));
    variables.REDIS_PORT = String(VALKEY_PORT);
  }

  const taken = new Set([...objects.map((o) => o.objectAlias), ...Object.keys(variables)]);
  refuseSlipwayVariables(env, service, taken);
  for (const { variable, secret, path } of serviceSecrets(env, service, taken)) {
    // The name becomes a file name in the mount, so it must not hold a path.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new ManifestError(
        path,
        `'${variable}' cannot be a variable and file name here`,
        'use letters, digits and underscores, e.g. API_TOKEN',
      );
    }
    objects.push({
      objectName: secret.path,
      objectType: secret.source === 'secretsmanager' ? 'secretsmanager' : 'ssmparameter',
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
