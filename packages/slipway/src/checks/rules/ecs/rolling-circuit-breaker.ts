import { isRecord, isTrue } from '../support/values.js';
import type { SlipwayRule } from '../types.js';
import { deploymentConfiguration, isEcsService, isRollingDeployment } from './service-deployment.js';

export const ecsRollingCircuitBreaker: SlipwayRule = {
  id: 'Slipway-ECS2',
  level: 'error',
  description:
    'A service with rolling deployments must enable the deployment circuit breaker with rollback, so a release that never gets healthy is undone.',
  check(resource) {
    if (!isEcsService(resource) || !isRollingDeployment(resource)) return 'not-applicable';
    const breaker = deploymentConfiguration(resource).DeploymentCircuitBreaker;
    return isRecord(breaker) && isTrue(breaker.Enable) && isTrue(breaker.Rollback)
      ? 'compliant'
      : 'non-compliant';
  },
};
