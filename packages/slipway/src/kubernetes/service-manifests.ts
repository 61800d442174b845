/**
 * One service's Kubernetes objects for an EKS environment, as data for a GitOps folder that
 * Argo CD syncs.
 *
 * Built with the typed classes of `kubernetes-models` rather than cdk8s: its constructors take
 * the API's own interfaces (a typo fails to compile), each object validates against its kind's
 * JSON schema, there is no synth step or construct tree between the model and the YAML, and
 * labels and names are exactly the ones written here, never derived from construct paths (a
 * Deployment's selector is immutable, so a label that moves with a refactor would break deploys).
 */
import type { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { Deployment } from 'kubernetes-models/apps/v1';
import type { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { serviceAutoscaler } from './autoscaling.js';
import { clusterService } from './cluster-service.js';
import { serviceDeployment } from './deployment.js';
import { serviceDisruptionBudget } from './disruption-budget.js';
import { envSecretName, serviceEnvSecret } from './env-secret.js';
import { serviceMountedSecrets } from './mounted-secrets.js';
import { serviceIngress } from './ingress.js';
import type { KubernetesManifest } from './manifest.js';
import { serviceAccount, serviceNamespace } from './namespace.js';
import { serviceNetworkPolicy } from './network-policy.js';
import type { SecretProviderClass } from './secret-provider-class.js';

export interface ServiceManifestOptions {
  /** The app's name: `app.kubernetes.io/part-of` on every object. */
  readonly app: string;
  /** Namespace the service's objects live in. */
  readonly namespace: string;
  /** Full image reference the pods run, registry and tag included. */
  readonly image: string;
  /** ServiceAccount the pods run as; EKS Pod Identity maps it to the service's IAM role. */
  readonly serviceAccountName: string;
  /** The ALB ingress group the environment's public services share. */
  readonly ingressGroupName: string;
}

/**
 * A service's objects by role; `ingress` only for public services, `autoscaler` only when it may
 * scale, and when it uses a database, a cache or secrets, `envSecret` (External Secrets, the
 * default) or `secretProviderClass` (with `eks.secrets: 'secrets-store-csi'`).
 */
export interface ServiceManifests {
  readonly namespace: Namespace;
  readonly serviceAccount: ServiceAccount;
  readonly envSecret?: ExternalSecret;
  readonly secretProviderClass?: SecretProviderClass;
  readonly deployment: Deployment;
  readonly service: Service;
  readonly ingress?: Ingress;
  readonly autoscaler?: HorizontalPodAutoscaler;
  readonly disruptionBudget: PodDisruptionBudget;
  readonly networkPolicy: NetworkPolicy;
}

export function serviceManifests(
  env: EnvironmentModel,
  service: ServiceModel,
  options: ServiceManifestOptions,
): ServiceManifests {
  const scope = { app: options.app, namespace: options.namespace };
  const ingress = serviceIngress(env, service, { ...scope, ingressGroupName: options.ingressGroupName });
  const autoscaler = serviceAutoscaler(env, service, scope);
  const mountsSecrets = env.eks?.secrets === 'secrets-store-csi';
  const envSecret = mountsSecrets ? undefined : serviceEnvSecret(env, service, scope);
  const mounted = mountsSecrets ? serviceMountedSecrets(env, service, scope) : undefined;
  return {
    namespace: serviceNamespace(scope),
    serviceAccount: serviceAccount(service, { ...scope, serviceAccountName: options.serviceAccountName }),
    ...(envSecret ? { envSecret } : {}),
    ...(mounted ? { secretProviderClass: mounted.secretProviderClass } : {}),
    deployment: serviceDeployment(env, service, {
      ...scope,
      image: options.image,
      serviceAccountName: options.serviceAccountName,
      ...(envSecret ? { envSecretName: envSecretName(service) } : {}),
      ...(mounted ? { mountedSecrets: mounted } : {}),
    }),
    service: clusterService(service, scope),
    ...(ingress ? { ingress } : {}),
    ...(autoscaler ? { autoscaler } : {}),
    disruptionBudget: serviceDisruptionBudget(service, scope),
    networkPolicy: serviceNetworkPolicy(service, scope),
  };
}

/** The objects in the order they are written: what others depend on first. */
export function manifestList(manifests: ServiceManifests): KubernetesManifest[] {
  const ordered = [
    manifests.namespace,
    manifests.serviceAccount,
    manifests.envSecret,
    manifests.secretProviderClass,
    manifests.service,
    manifests.deployment,
    manifests.autoscaler,
    manifests.disruptionBudget,
    manifests.networkPolicy,
    manifests.ingress,
  ];
  return ordered.filter((m): m is NonNullable<typeof m> => m !== undefined);
}
