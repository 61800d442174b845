import { referencedResource } from '../support/references.js';
import { asList, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/** The variable a service that checks tokens gets (stacks/runtime/ecs/auth-connection.ts). */
const TOKEN_CHECK_VARIABLE = 'AUTH_USER_POOL_ID';

/**
 * Where the app declares a user pool, it means to protect writes; a service the load balancer
 * routes to that checks no token takes writes from anyone on the internet. An ECS service with a
 * target group is public; its task definition carries AUTH_USER_POOL_ID when it checks tokens.
 * A service that is open on purpose (a read-only catalogue) is acknowledged with the reason.
 */
export const authPublicServiceChecksTokens: SlipwayRule = {
  id: 'Slipway-AUTH1',
  level: 'error',
  nonProductionLevel: 'warning',
  description:
    "In an environment with a user pool, a public service (routed through the load balancer) must check tokens: set the service's auth, make it internal (public: false), or acknowledge why it may take unauthenticated requests (e.g. a read-only catalogue).",
  check(resource, { template, userPool }) {
    if (userPool !== true || resource.Type !== 'AWS::ECS::Service') return 'not-applicable';
    if (asList(property(resource, 'LoadBalancers')).length === 0) return 'not-applicable';
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
