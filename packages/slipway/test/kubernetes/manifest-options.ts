import type { AppModel, EnvironmentModel, ServiceModel } from '../../src/model/types.js';
import type { ServiceManifestOptions } from '../../src/kubernetes/service-manifests.js';

/** Options as a caller would pass them: one namespace and ALB group per environment, ECR images. */
export function manifestOptions(
  model: AppModel,
  env: EnvironmentModel,
  service: ServiceModel,
): ServiceManifestOptions {
  return {
    app: model.app,
    namespace: `${model.app}-${env.name}`,
    image: `${model.ci.account}.dkr.ecr.${model.ci.region}.amazonaws.com/${service.image.repository}:${service.image.tag}`,
    serviceAccountName: service.name,
    ingressGroupName: `${model.app}-${env.name}`,
  };
}
