import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import { Password } from '@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1';
import type { EksDatadogModel } from '../model/eks.js';
import type { EnvironmentModel, SecretModel } from '../model/types.js';
import {
  DATADOG_API_KEY_SECRET,
  DATADOG_APP_KEY_SECRET,
  DATADOG_NAMESPACE,
  DATADOG_TOKEN_SECRET,
} from './datadog-values.js';
import { ENV_SECRET_REFRESH } from './env-secret.js';
import { appLabels } from './labels.js';
import { ManifestError } from './manifest-error.js';
import type { KubernetesManifest } from './manifest.js';
import { PARAMETER_STORE, SECRETS_MANAGER, secretStores, storeRef } from './secret-stores.js';
import { syncWave } from './sync-wave.js';

/** A file of the Datadog secrets folder: its name there and the objects it holds. */
export interface DatadogSecretFile {
  readonly name: string;
  readonly manifests: readonly KubernetesManifest[];
}

/**
 * The Secrets the Datadog chart reads, made in its namespace by External Secrets:
 * - `secret-store.yaml`: the stores of the keys' sources (SSM or Secrets Manager), as the app
 *   namespace's stores are, since a namespaced store serves its own namespace only;
 * - `api-key.yaml`: `datadog-api-key` (`api-key`) from the declared secret;
 * - with monitors, `app-key.yaml`: `datadog-app-key` (`app-key`), the Operator's application key;
 * - `cluster-agent-token.yaml`: `datadog-cluster-agent-token` (`token`), generated once in the
 *   cluster and never stored in Git or AWS: the chart's own would be new at every render.
 */
export function datadogSecretFiles(
  env: EnvironmentModel,
  datadog: EksDatadogModel,
  props: { readonly app: string },
): DatadogSecretFile[] {
  const apiKeySource = declaredSecret(env, datadog.apiKeySecret, 'apiKeySecret');
  const appKeySource = datadog.monitors
    ? declaredSecret(env, datadog.monitors.appKeySecret, 'monitors.appKeySecret')
    : undefined;
  const storeNames = new Set([apiKeySource, appKeySource].filter((s) => s !== undefined).map(storeOf));
  const stores = secretStores(env, { app: props.app, namespace: DATADOG_NAMESPACE }).filter((store) =>
    storeNames.has(store.metadata?.name ?? ''),
  );
  const metadata = (name: string) => ({
    name,
    namespace: DATADOG_NAMESPACE,
    labels: appLabels(props.app),
    // After the store, before the chart's pods, which cannot start without them.
    annotations: syncWave(-1),
  });
  // The whole value, as a service's declared secret: an SSM SecureString or a secret's string.
  const keySecret = (name: string, key: string, declared: SecretModel) =>
    new ExternalSecret({
      metadata: metadata(name),
      spec: {
        refreshInterval: ENV_SECRET_REFRESH,
        secretStoreRef: storeRef(storeOf(declared)),
        target: { name, creationPolicy: 'Owner' },
        data: [{ secretKey: key, remoteRef: { key: declared.path } }],
      },
    });
  const apiKey = keySecret(DATADOG_API_KEY_SECRET, 'api-key', apiKeySource);

  const password = new Password({
    metadata: metadata(DATADOG_TOKEN_SECRET),
    // 32 letters and digits: the Cluster Agent wants at least 32 alphanumeric characters.
    spec: { length: 32, digits: 8, symbols: 0, noUpper: false, allowRepeat: true },
  });
  const token = new ExternalSecret({
    metadata: metadata(DATADOG_TOKEN_SECRET),
    spec: {
      // Generated once: a new token would leave node agents and Cluster Agent disagreeing until restarted.
      refreshPolicy: 'CreatedOnce',
      target: {
        name: DATADOG_TOKEN_SECRET,
        creationPolicy: 'Owner',
        template: { engineVersion: 'v2', type: 'Opaque', data: { token: '{{ .password }}' } },
      },
      dataFrom: [
        {
          sourceRef: {
            generatorRef: { apiVersion: Password.apiVersion, kind: 'Password', name: DATADOG_TOKEN_SECRET },
          },
        },
      ],
    },
  });

  return [
    { name: 'secret-store.yaml', manifests: stores },
    { name: 'api-key.yaml', manifests: [apiKey] },
    // The Operator's, to keep the monitors in Datadog: only when there are monitors.
    ...(appKeySource
      ? [{ name: 'app-key.yaml', manifests: [keySecret(DATADOG_APP_KEY_SECRET, 'app-key', appKeySource)] }]
      : []),
    { name: 'cluster-agent-token.yaml', manifests: [password, token] },
  ];
}

function declaredSecret(env: EnvironmentModel, name: string, field: string): SecretModel {
  const declared = env.secrets.find((s) => s.name === name);
  if (declared) return declared;
  throw new ManifestError(
    `environments.${env.name}.eks.datadog.${field}`,
    `no secret named '${name}' is declared in ${env.name}`,
    `declare it under secrets or use one of: ${env.secrets.map((s) => s.name).join(', ') || '(none)'}`,
  );
}

function storeOf(secret: SecretModel): string {
  return secret.source === 'secretsmanager' ? SECRETS_MANAGER : PARAMETER_STORE;
}
