import type { CfnResource, CfnTemplate } from '../../../template/types.js';
import { referencedLogicalId, referencedResource, resourcesOfType } from '../support/references.js';
import { asList, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/** The variable a service that checks tokens gets (stacks/runtime/ecs/auth-connection.ts). */
const TOKEN_CHECK_VARIABLE = 'AUTH_USER_POOL_ID';

/**
 * Where the app declares a user pool, it means to protect writes; a service the internet reaches
 * that checks no token takes writes from anyone. An ECS service is public when it has a target
 * group (the load balancer) or when an HTTP API integration in its stack reaches its Cloud Map
 * entry (`ingress: 'http-api'`, whose routes carry no authorizer: the service checks tokens
 * itself either way); its task definition carries AUTH_USER_POOL_ID when it checks tokens.
 * A service that is open on purpose (a read-only catalogue) is acknowledged with the reason.
 */
export const authPublicServiceChecksTokens: SlipwayRule = {
  id: 'Slipway-AUTH1',
  level: 'error',
  nonProductionLevel: 'warning',
  description:
    "In an environment with a user pool, a public service (routed through the load balancer or the HTTP API) must check tokens: set the service's auth, make it internal (public: false), or acknowledge why it may take unauthenticated requests (e.g. a read-only catalogue).",
  check(resource, { template, userPool }) {
    if (userPool !== true || resource.Type !== 'AWS::ECS::Service') return 'not-applicable';
    if (!reachedFromInternet(template, resource)) return 'not-applicable';
    const task = referencedResource(template, property(resource, 'TaskDefinition'));
    if (task === undefined) return 'not-applicable';
    const containers = asList(property(task.resource, 'ContainerDefinitions')).filter(isRecord);
    const checks = containers.some((container) =>
      asList(container.Environment)
        .filter(isRecord)
        .some((variable) => variable.Name === TOKEN_CHECK_VARIABLE),
    );
    return checks
      ? 'compliant'
      : violation(
          `task definition ${task.logicalId} has no ${TOKEN_CHECK_VARIABLE}, so the service checks no token`,
        );
  },
};

/** A target group of the load balancer, or an HTTP API integration to the service's Cloud Map entry. */
function reachedFromInternet(template: CfnTemplate, service: CfnResource): boolean {
  if (asList(property(service, 'LoadBalancers')).length > 0) return true;
  const registries = asList(property(service, 'ServiceRegistries'))
    .filter(isRecord)
    .map((registry) => referencedLogicalId(registry.RegistryArn))
    .filter((id) => id !== undefined);
  return resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').some(({ resource }) => {
    const target = referencedLogicalId(property(resource, 'IntegrationUri'));
    return target !== undefined && registries.includes(target);
  });
}
