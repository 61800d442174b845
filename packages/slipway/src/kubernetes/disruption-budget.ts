import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { ServiceModel } from '../model/types.js';
import { selectorLabels, serviceLabels } from './labels.js';

/**
 * How many pods a node drain may take at once. With more than one replica, one always stays; a
 * single replica may go (a `minAvailable: 1` there would block every drain forever).
 */
export function serviceDisruptionBudget(
  service: ServiceModel,
  props: { readonly app: string; readonly namespace: string },
): PodDisruptionBudget {
  return new PodDisruptionBudget({
    metadata: { name: service.name, namespace: props.namespace, labels: serviceLabels(props.app, service) },
    spec: {
      selector: { matchLabels: selectorLabels(props.app, service) },
      ...(service.minCount > 1 ? { minAvailable: 1 } : { maxUnavailable: 1 }),
    },
  });
}
