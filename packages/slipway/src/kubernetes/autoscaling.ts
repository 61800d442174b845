import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IMetricSpec } from 'kubernetes-models/autoscaling/v2';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { serviceLabels } from './labels.js';
import { ManifestError, servicePathOf } from './manifest-error.js';

/** As on ECS: a brief lull should not cost the next burst its capacity. */
const SCALE_DOWN_STABILIZATION_SECONDS = 300;

/** An autoscaler owns the count when the service may scale (min below max). */
export function ownsReplicaCount(service: ServiceModel): boolean {
  return service.maxCount > service.minCount;
}

/**
 * An autoscaling/v2 HPA between the service's min and max on its CPU and memory targets; none
 * for a fixed-size service. Requests per target (an ALB metric) reach an HPA only through an
 * external-metrics adapter, so a service that scales on nothing else is refused rather than left
 * on the HPA's silent default of 80% CPU.
 */
export function serviceAutoscaler(
  env: EnvironmentModel,
  service: ServiceModel,
  props: { readonly app: string; readonly namespace: string },
): HorizontalPodAutoscaler | undefined {
  if (!ownsReplicaCount(service)) return undefined;
  const { cpuPercent, memoryPercent } = service.scaling;
  const metrics: IMetricSpec[] = [];
  if (cpuPercent !== undefined) metrics.push(utilization('cpu', cpuPercent));
  if (memoryPercent !== undefined) metrics.push(utilization('memory', memoryPercent));
  if (metrics.length === 0) {
    throw new ManifestError(
      servicePathOf(env.name, service.name, 'scaling'),
      `the service scales between ${service.minCount} and ${service.maxCount} but names no CPU or memory target, the only ones a Kubernetes autoscaler reads without a metrics adapter`,
      'set scaling.cpuPercent (e.g. 60) beside requestsPerTarget, or set maxCount equal to minCount',
    );
  }
  return new HorizontalPodAutoscaler({
    metadata: { name: service.name, namespace: props.namespace, labels: serviceLabels(props.app, service) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
      minReplicas: service.minCount,
      maxReplicas: service.maxCount,
      metrics,
      behavior: { scaleDown: { stabilizationWindowSeconds: SCALE_DOWN_STABILIZATION_SECONDS } },
    },
  });
}

function utilization(name: 'cpu' | 'memory', percent: number): IMetricSpec {
  return {
    type: 'Resource',
    resource: { name, target: { type: 'Utilization', averageUtilization: Math.round(percent) } },
  };
}
