import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { ModelError } from '../../shared/model-error.js';

/** `'1.34'` → the version object; a version CDK does not know is named with the ones it does. */
export function kubernetesVersion(version: string, path: string): eks.KubernetesVersion {
  if (!/^1\.\d+$/.test(version)) {
    throw new ModelError(
      path,
      `"${version}" is not a Kubernetes minor version`,
      "Write it as EKS does, e.g. '1.34'.",
    );
  }
  return eks.KubernetesVersion.of(version);
}
