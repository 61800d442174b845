import { Service } from 'kubernetes-models/v1';
import type { ServiceModel } from '../model/types.js';
import { selectorLabels, serviceLabels } from './labels.js';

/** The service's stable in-cluster address: ClusterIP on its port, to the container's `http` port. */
export function clusterService(
  service: ServiceModel,
  props: { readonly app: string; readonly namespace: string },
): Service {
  return new Service({
    metadata: { name: service.name, namespace: props.namespace, labels: serviceLabels(props.app, service) },
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(props.app, service),
      ports: [{ name: 'http', port: service.port, targetPort: 'http', protocol: 'TCP' }],
    },
  });
}
