import { Deployment } from 'kubernetes-models/apps/v1';
import type { IEnvVar, IVolume, IVolumeMount } from 'kubernetes-models/v1';
import { tableVariables } from '../model/service-tables.js';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { nodeAgentOtelVariables } from './datadog-tracing.js';
import { datadogServiceLabels, serviceLabels, selectorLabels } from './labels.js';
import { ManifestError, servicePathOf } from './manifest-error.js';
import { containerSecurityContext, podSecurityContext, writableVolumes } from './pod-security.js';
import { cpuQuantity, memoryQuantity } from './resource-quantities.js';
import { ownsReplicaCount } from './autoscaling.js';
import { capacityPlacement, poolTolerations, preferredTerms } from './node-placement.js';

/**
 * Seconds a terminating pod keeps serving before SIGTERM: the load balancer controller and every
 * node's kube-proxy need a moment to stop sending it new requests after it leaves the endpoints.
 */
export const PRE_STOP_SLEEP_SECONDS = 15;

export interface DeploymentProps {
  readonly app: string;
  readonly namespace: string;
  /** Full image reference, registry and tag included. */
  readonly image: string;
  readonly serviceAccountName: string;
  /** Secret whose keys become environment variables (connection settings, secrets). @default none */
  readonly envSecretName?: string;
  /** The Secrets Store CSI volume of the service's secrets, its mount and fixed variables. @default none */
  readonly mountedSecrets?: {
    readonly volume: IVolume;
    readonly mount: IVolumeMount;
    readonly variables: readonly IEnvVar[];
  };
}

/**
 * The service's pods: hardened (non-root, no privilege escalation, no capabilities, read-only
 * root with emptyDir for the writable paths), sized like its Fargate task, probed on its health
 * path, spread across the environment's zones and, softly, across nodes; on the capacity it asks
 * for, tolerating the taints of the node pools it may use.
 */
export function serviceDeployment(
  env: EnvironmentModel,
  service: ServiceModel,
  props: DeploymentProps,
): Deployment {
  const selector = selectorLabels(props.app, service);
  const volumes = writableVolumes(service);
  const mounted = props.mountedSecrets ? [props.mountedSecrets] : [];
  const resources = { cpu: cpuQuantity(service.cpu), memory: memoryQuantity(service.memory) };
  const probe = { httpGet: { path: service.healthPath, port: 'http' } };
  const capacity = capacityPlacement(env, service);
  const tolerations = poolTolerations(env, service);
  const labels = { ...serviceLabels(props.app, service), ...datadogServiceLabels(env, service) };
  return new Deployment({
    metadata: { name: service.name, namespace: props.namespace, labels },
    spec: {
      // With an autoscaler, the count is the autoscaler's: a count here would make every sync
      // reset it (Kubernetes advises leaving spec.replicas out when an HPA manages it).
      ...(ownsReplicaCount(service) ? {} : { replicas: service.minCount }),
      selector: { matchLabels: selector },
      // Never below the running count during a rollout, like ECS's 100% minimum healthy.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: props.serviceAccountName,
          securityContext: podSecurityContext(env, service),
          // SIGTERM comes after the preStop sleep; the app still gets its whole stop timeout.
          terminationGracePeriodSeconds: PRE_STOP_SLEEP_SECONDS + service.stopTimeoutSeconds,
          nodeSelector: {
            'kubernetes.io/arch': service.architecture === 'arm64' ? 'arm64' : 'amd64',
            ...capacity.nodeSelector,
          },
          ...(tolerations.length > 0 ? { tolerations } : {}),
          affinity: {
            // The environment's subnets and database live in these zones, as on ECS.
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      {
                        key: 'topology.kubernetes.io/zone',
                        operator: 'In',
                        values: [...env.availabilityZones],
                      },
                    ],
                  },
                ],
              },
              ...preferredTerms(capacity.preferred),
            },
            // Soft: a small cluster may have fewer nodes than replicas, and pods must still start.
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    topologyKey: 'kubernetes.io/hostname',
                    labelSelector: { matchLabels: selector },
                  },
                },
              ],
            },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selector },
            },
          ],
          containers: [
            {
              name: service.name,
              image: props.image,
              ports: [{ name: 'http', containerPort: service.port, protocol: 'TCP' }],
              env: [...containerEnv(env, service), ...(props.mountedSecrets?.variables ?? [])],
              ...(props.envSecretName ? { envFrom: [{ secretRef: { name: props.envSecretName } }] } : {}),
              resources: { requests: resources, limits: resources },
              securityContext: containerSecurityContext(service),
              readinessProbe: { ...probe, periodSeconds: 10, failureThreshold: 3 },
              livenessProbe: {
                ...probe,
                // ECS ignores failing health checks this long after a task starts.
                initialDelaySeconds: service.healthCheckGracePeriodSeconds,
                periodSeconds: 15,
                failureThreshold: 3,
              },
              lifecycle: { preStop: { sleep: { seconds: PRE_STOP_SLEEP_SECONDS } } },
              volumeMounts: [...volumes.map((v) => v.mount), ...mounted.map((m) => m.mount)],
            },
          ],
          volumes: [...volumes.map((v) => v.volume), ...mounted.map((m) => m.volume)],
        },
      },
    },
  });
}

/**
 * The model's plain variables, then PORT, which the app listens on (as on ECS), then, when the
 * environment traces to the node's Datadog agent, the OpenTelemetry variables that point there.
 */
function containerEnv(env: EnvironmentModel, service: ServiceModel): IEnvVar[] {
  const port = String(service.port);
  const declared = service.environment['PORT'];
  if (declared !== undefined && declared !== port) {
    throw new ManifestError(
      servicePathOf(env.name, service.name, 'environment.PORT'),
      `PORT is ${declared} but the service's port is ${port}, so the probes would miss it`,
      `remove PORT from environment (Slipway sets it) or set port: ${declared}`,
    );
  }
  const telemetry = nodeAgentOtelVariables(env, service);
  for (const { name } of telemetry) {
    // A secret by that name would be a second value for it, and one of the two would quietly win.
    const field =
      service.environment[name] !== undefined
        ? 'environment'
        : name in service.secrets
          ? 'secrets'
          : undefined;
    if (field !== undefined) {
      throw new ManifestError(
        servicePathOf(env.name, service.name, `${field}.${name}`),
        `${name} is set by Slipway to send the service's traces to the Datadog agent on its node`,
        `remove it from ${field}; observability.provider and observability.tracing decide it`,
      );
    }
  }
  const variables = Object.entries({ ...service.environment, ...tableVariables(env, service), PORT: port });
  return [...variables.map(([name, value]) => ({ name, value })), ...telemetry];
}
