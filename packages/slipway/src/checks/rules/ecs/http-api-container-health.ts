import { mentionsResource, referencedResource, resourcesOfType } from '../support/references.js';
import { asList, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { isEcsService } from './service-deployment.js';

/**
 * Behind an HTTP API nothing calls a task's health path: the integration picks any registered
 * task, and ECS judges a task only by the container health check, if there is one. Without it a
 * task that runs but no longer answers keeps its share of requests until someone notices.
 */
export const ecsHttpApiContainerHealth: SlipwayRule = {
  id: 'Slipway-ECS8',
  level: 'warning',
  description:
    'A service an HTTP API reaches should have a container health check on its app container, so ECS replaces a task that stops answering.',
  check(resource, { template, logicalId }) {
    if (!isEcsService(resource) || asList(property(resource, 'LoadBalancers')).length > 0)
      return 'not-applicable';
    const [registry] = asList(property(resource, 'ServiceRegistries'));
    if (!isRecord(registry)) return 'not-applicable';
    const discovery = referencedResource(template, registry.RegistryArn);
    const reached = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').some(
      ({ resource: integration }) =>
        discovery !== undefined &&
        mentionsResource(integration.Properties?.IntegrationUri, discovery.logicalId),
    );
    if (!reached) return 'not-applicable';
    const taskDefinition = referencedResource(template, property(resource, 'TaskDefinition'))?.resource;
    const containers = asList(taskDefinition?.Properties?.ContainerDefinitions).filter(isRecord);
    const app = containers.find((c) => c.Name === registry.ContainerName) ?? containers[0];
    return isRecord(app?.HealthCheck)
      ? 'compliant'
      : violation(
          `${logicalId} is reached through an HTTP API and its container ${String(app?.Name ?? '')} has no ` +
            'health check: set services.<name>.healthCheckCommand',
        );
  },
};
