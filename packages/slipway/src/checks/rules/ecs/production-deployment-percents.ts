import { toNumber } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { deploymentConfiguration, isEcsService, isRollingDeployment } from './service-deployment.js';

/** ECS's defaults for replica services when the properties are absent. */
const DEFAULT_MINIMUM_HEALTHY = 100;
const DEFAULT_MAXIMUM = 200;

export const ecsProductionDeploymentPercents: SlipwayRule = {
  id: 'Slipway-ECS4',
  level: 'error',
  description:
    'A production service with rolling deployments must keep MinimumHealthyPercent at 100 and MaximumPercent at 200, so capacity never drops during a release.',
  check(resource, { production }) {
    if (!production || !isEcsService(resource) || !isRollingDeployment(resource)) return 'not-applicable';
    const configuration = deploymentConfiguration(resource);
    const minimum = toNumber(configuration.MinimumHealthyPercent ?? DEFAULT_MINIMUM_HEALTHY);
    const maximum = toNumber(configuration.MaximumPercent ?? DEFAULT_MAXIMUM);
    const problems: string[] = [];
    if (minimum === undefined || minimum < 100) problems.push(`MinimumHealthyPercent is ${String(minimum)}`);
    if (maximum === undefined || maximum < 200) problems.push(`MaximumPercent is ${String(maximum)}`);
    return problems.length === 0 ? 'compliant' : violation(problems.join(', '));
  },
};
