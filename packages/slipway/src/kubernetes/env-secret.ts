import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import type { IExternalSecretData } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import { ssmParameterName } from '../naming/names.js';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { VALKEY_PORT } from '../stacks/data/valkey-cache.js';
import { dataKeys } from '../stacks/shared/cross-stack.js';
import { serviceLabels } from './labels.js';
import { ManifestError } from './manifest-error.js';
import { PARAMETER_STORE, SECRETS_MANAGER, storeRef } from './secret-stores.js';
import {
  databaseSettings,
  refuseSlipwayVariables,
  serviceCache,
  serviceDatabase,
  serviceSecrets,
} from './service-variables.js';
import { syncWave } from './sync-wave.js';

/** How often External Secrets reads the values again: a rotated secret reaches new pods within the hour. */
export const ENV_SECRET_REFRESH = '1h';

/** `<service>-env`: the Secret the service's pods read their connection settings and secrets from. */
export function envSecretName(service: ServiceModel): string {
  return `${service.name}-env`;
}

/**
 * The variables a Fargate task of the service gets from its database, cache and declared secrets,
 * as one Secret that External Secrets keeps in sync: the same names and formats as on ECS
 * (`container-settings.ts`, `cache-connection.ts`). Endpoints come from the data layer's SSM
 * parameters, declared secrets from SSM or Secrets Manager; fixed values (port, database name,
 * user) are literals of the template. None for a service that uses none of the three.
 */
export function serviceEnvSecret(
  env: EnvironmentModel,
  service: ServiceModel,
  props: { readonly app: string; readonly namespace: string },
): ExternalSecret | undefined {
  const parameter = (key: string) => ssmParameterName(props.app, env.name, 'data', key);
  const data: IExternalSecretData[] = [];
  const template: Record<string, string> = {};

  const database = serviceDatabase(env, service);
  if (database) {
    data.push({
      secretKey: 'databaseHost',
      remoteRef: { key: parameter(dataKeys.endpointAddress(database.name)) },
    });
    template.DATABASE_HOST = '{{ .databaseHost }}';
    if (database.readReplicas > 0) {
      const readers = Array.from({ length: database.readReplicas }, (_, i) => `databaseReaderHost${i + 1}`);
      readers.forEach((secretKey, i) =>
        data.push({
          secretKey,
          remoteRef: { key: parameter(dataKeys.replicaEndpointAddress(database.name, i + 1)) },
        }),
      );
      template.DATABASE_READER_HOSTS = readers.map((key) => `{{ .${key} }}`).join(',');
    }
    Object.assign(template, databaseSettings(database));
  }

  const cache = serviceCache(env, service);
  if (cache) {
    data.push({
      secretKey: 'cacheHost',
      remoteRef: { key: parameter(dataKeys.cacheEndpointAddress(cache.name)) },
    });
    // TLS (`rediss://`), which the cache requires; no password, as on ECS.
    template.REDIS_URL = `rediss://{{ .cacheHost }}:${VALKEY_PORT}`;
  }

  const slipwaySet = new Set(Object.keys(template));
  refuseSlipwayVariables(env, service, slipwaySet);
  for (const { variable, secret, path } of serviceSecrets(env, service, slipwaySet)) {
    // The template names its inputs as Go template fields, so the variable must be an identifier.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable) || data.some((d) => d.secretKey === variable)) {
      throw new ManifestError(
        path,
        `'${variable}' cannot be an environment variable name here`,
        'use letters, digits and underscores, e.g. API_TOKEN',
      );
    }
    data.push({
      secretKey: variable,
      // The whole value, as ECS passes it: an SSM SecureString (decrypted) or a secret's string.
      remoteRef: { key: secret.path },
      ...(secret.source === 'secretsmanager' ? { sourceRef: { storeRef: storeRef(SECRETS_MANAGER) } } : {}),
    });
    template[variable] = `{{ .${variable} }}`;
  }

  if (data.length === 0) return undefined;
  const name = envSecretName(service);
  return new ExternalSecret({
    metadata: {
      name,
      namespace: props.namespace,
      labels: serviceLabels(props.app, service),
      // Before the Deployment, whose pods cannot start without the Secret.
      annotations: syncWave(-1),
    },
    spec: {
      refreshInterval: ENV_SECRET_REFRESH,
      secretStoreRef: storeRef(PARAMETER_STORE),
      target: {
        name,
        creationPolicy: 'Owner',
        template: { engineVersion: 'v2', mergePolicy: 'Replace', type: 'Opaque', data: template },
      },
      data,
    },
  });
}
