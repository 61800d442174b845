import type { CfnResource } from '../../../template/types.js';
import { referencedResource } from '../support/references.js';
import { asList, isRecord, keyValue, property, toNumber } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { isEcsService } from './service-deployment.js';

/** Defaults when the properties are absent: ELB drains for 300 s, ECS waits 30 s after SIGTERM. */
const DEFAULT_DEREGISTRATION_SECONDS = 300;
const DEFAULT_STOP_TIMEOUT_SECONDS = 30;

function stopTimeout(taskDefinition: CfnResource, containerName: unknown): number {
  const container = asList(property(taskDefinition, 'ContainerDefinitions'))
    .filter(isRecord)
    .find((candidate) => candidate.Name === containerName);
  return toNumber(container?.StopTimeout) ?? DEFAULT_STOP_TIMEOUT_SECONDS;
}

/**
 * On a Spot interruption or scale-in a task gets SIGTERM while its target is still draining; if the
 * load balancer keeps sending requests longer than the task lives, those requests fail.
 */
export const ecsDeregistrationWithinStopTimeout: SlipwayRule = {
  id: 'Slipway-ECS7',
  level: 'warning',
  description:
    "A target group's deregistration delay must not exceed the container's stop timeout, or requests reach tasks that have already exited.",
  check(resource, { template }) {
    if (!isEcsService(resource)) return 'not-applicable';
    const taskDefinition = referencedResource(template, property(resource, 'TaskDefinition'));
    const problems: string[] = [];
    let compared = 0;
    for (const binding of asList(property(resource, 'LoadBalancers')).filter(isRecord)) {
      const targetGroup = referencedResource(template, binding.TargetGroupArn);
      if (targetGroup === undefined || taskDefinition === undefined) continue;
      compared += 1;
      const delay =
        toNumber(
          keyValue(
            targetGroup.resource.Properties?.TargetGroupAttributes,
            'deregistration_delay.timeout_seconds',
          ),
        ) ?? DEFAULT_DEREGISTRATION_SECONDS;
      const timeout = stopTimeout(taskDefinition.resource, binding.ContainerName);
      if (delay > timeout) {
        problems.push(
          `${targetGroup.logicalId} drains for ${delay} s but container ${String(binding.ContainerName)} stops after ${timeout} s`,
        );
      }
    }
    if (compared === 0) return 'not-applicable';
    return problems.length === 0 ? 'compliant' : violation(problems.join('; '));
  },
};
