import { SecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import type { ISecretStoreRef } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import type { EnvironmentModel } from '../model/types.js';
import { appLabels } from './labels.js';
import { syncWave } from './sync-wave.js';

/** The store for SSM parameters: the data layer's endpoints and `ssm` secrets. */
export const PARAMETER_STORE = 'aws-parameter-store';
/** The store for `secretsmanager` secrets. */
export const SECRETS_MANAGER = 'aws-secrets-manager';

/** A reference to one of the app namespace's stores. */
export function storeRef(name: string): ISecretStoreRef {
  return { kind: 'SecretStore', name };
}

/**
 * The app namespace's two stores, in the environment's region. Neither has an `auth` block: External
 * Secrets then calls AWS as its own controller, whose role EKS Pod Identity gives it, so no role
 * ARN and no CloudFormation token lands here. Namespaced stores keep other namespaces out.
 */
export function secretStores(
  env: EnvironmentModel,
  props: { readonly app: string; readonly namespace: string },
): SecretStore[] {
  const store = (name: string, service: 'ParameterStore' | 'SecretsManager') =>
    new SecretStore({
      metadata: { name, namespace: props.namespace, labels: appLabels(props.app), annotations: syncWave(-2) },
      spec: { provider: { aws: { service, region: env.region } } },
    });
  return [store(PARAMETER_STORE, 'ParameterStore'), store(SECRETS_MANAGER, 'SecretsManager')];
}
