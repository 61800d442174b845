import { mentionsResource, resourcesOfType } from '../support/references.js';
import { property, show, toNumber } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { isEcsService } from './service-deployment.js';

const MINIMUM_TASKS = 2;

export const ecsProductionDesiredCount: SlipwayRule = {
  id: 'Slipway-ECS5',
  level: 'error',
  description: `A production service must run at least ${MINIMUM_TASKS} tasks, and autoscaling must not scale it below that.`,
  check(resource, { production, template, logicalId }) {
    if (!production || !isEcsService(resource)) return 'not-applicable';
    const problems: string[] = [];
    // Autoscaled services may omit DesiredCount; their scalable target's minimum is what counts.
    const targets = resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalableTarget').filter(
      ({ resource: target }) => mentionsResource(target.Properties?.ResourceId, logicalId),
    );
    const desired = property(resource, 'DesiredCount');
    if (desired === undefined && targets.length === 0) problems.push('DesiredCount is unset (1)');
    if (desired !== undefined && (toNumber(desired) ?? 0) < MINIMUM_TASKS)
      problems.push(`DesiredCount is ${show(desired)}`);
    for (const { logicalId: targetId, resource: target } of targets) {
      const minimum = target.Properties?.MinCapacity;
      if ((toNumber(minimum) ?? 0) < MINIMUM_TASKS)
        problems.push(`${targetId} MinCapacity is ${show(minimum)}`);
    }
    return problems.length === 0 ? 'compliant' : violation(problems.join(', '));
  },
};
