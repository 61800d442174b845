import { Namespace, ServiceAccount } from 'kubernetes-models/v1';
import type { ServiceModel } from '../model/types.js';
import { serviceLabels } from './labels.js';
import { syncWave } from './sync-wave.js';

/**
 * The namespace, held to the `restricted` Pod Security Standard: a pod that loosens the hardened
 * security context the Deployment sets is refused at admission, not only caught in review.
 */
export function serviceNamespace(props: { readonly app: string; readonly namespace: string }): Namespace {
  return new Namespace({
    metadata: {
      name: props.namespace,
      labels: {
        'app.kubernetes.io/part-of': props.app,
        'app.kubernetes.io/managed-by': 'slipway',
        'pod-security.kubernetes.io/enforce': 'restricted',
      },
      // First of all: every other object of the app lives in it.
      annotations: syncWave(-3),
    },
  });
}

/**
 * The pods' identity. EKS Pod Identity ties it to an IAM role outside the cluster (an association
 * made with the role), so no role ARN annotation and no CloudFormation token lands in a manifest.
 */
export function serviceAccount(
  service: ServiceModel,
  props: { readonly app: string; readonly namespace: string; readonly serviceAccountName: string },
): ServiceAccount {
  return new ServiceAccount({
    metadata: {
      name: props.serviceAccountName,
      namespace: props.namespace,
      labels: serviceLabels(props.app, service),
    },
  });
}
