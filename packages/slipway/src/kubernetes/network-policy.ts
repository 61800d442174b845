import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { ServiceModel } from '../model/types.js';
import { selectorLabels, serviceLabels } from './labels.js';

/**
 * The service's pods accept connections on their port only, like the task security group on ECS.
 * Egress stays open: the database, AWS APIs and other services are reached outward.
 */
export function serviceNetworkPolicy(
  service: ServiceModel,
  props: { readonly app: string; readonly namespace: string },
): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: service.name, namespace: props.namespace, labels: serviceLabels(props.app, service) },
    spec: {
      podSelector: { matchLabels: selectorLabels(props.app, service) },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: service.port }] }],
    },
  });
}
