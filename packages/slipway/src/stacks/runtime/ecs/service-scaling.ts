import { Duration } from 'aws-cdk-lib';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { ServiceModel } from '../../../model/types.js';
import { ModelError } from '../../shared/model-error.js';

/**
 * Target-tracking scaling between the model's min and max: CPU, memory and, for public services,
 * requests per target. Nothing is created when min equals max and no target is set.
 */
export function configureScaling(
  service: ecs.FargateService,
  model: ServiceModel,
  path: string,
  targetGroup?: elbv2.ApplicationTargetGroup,
): void {
  const { cpuPercent, memoryPercent, requestsPerTarget } = model.scaling;
  const hasTarget =
    cpuPercent !== undefined || memoryPercent !== undefined || requestsPerTarget !== undefined;
  if (model.minCount > model.maxCount) {
    throw new ModelError(
      `${path}.minCount`,
      `minCount ${model.minCount} is above maxCount ${model.maxCount}`,
      'Set minCount at or below maxCount.',
    );
  }
  if (!hasTarget) {
    if (model.minCount === model.maxCount) return;
    throw new ModelError(
      `${path}.scaling`,
      `the service may scale from ${model.minCount} to ${model.maxCount} tasks but names no scaling target`,
      'Set scaling.cpuPercent (e.g. 70), or make minCount equal maxCount.',
    );
  }
  if (requestsPerTarget !== undefined && !targetGroup) {
    throw new ModelError(
      `${path}.scaling.requestsPerTarget`,
      'only public services get load-balancer requests to scale on',
      'Scale this service on cpuPercent or memoryPercent instead.',
    );
  }

  const count = service.autoScaleTaskCount({ minCapacity: model.minCount, maxCapacity: model.maxCount });
  // Scale out fast, in slowly: a brief lull should not cost the next burst its capacity.
  const cooldowns = { scaleOutCooldown: Duration.seconds(60), scaleInCooldown: Duration.seconds(300) };
  if (cpuPercent !== undefined) {
    count.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: cpuPercent, ...cooldowns });
  }
  if (memoryPercent !== undefined) {
    count.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: memoryPercent, ...cooldowns });
  }
  if (requestsPerTarget !== undefined && targetGroup) {
    count.scaleOnRequestCount('Requests', { requestsPerTarget, targetGroup, ...cooldowns });
  }
}
