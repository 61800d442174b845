import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { ServiceModel } from '../../../model/types.js';
import { ModelError } from '../../shared/model-error.js';

/** The `FargateService` props that pick and tune the native ECS deployment strategy. */
export interface DeploymentSettings {
  readonly deploymentStrategy: ecs.DeploymentStrategy;
  readonly bakeTime?: Duration;
  readonly canaryConfiguration?: ecs.TrafficShiftConfig;
  readonly linearConfiguration?: ecs.TrafficShiftConfig;
  /** Whether the strategy shifts traffic between two target groups (needs the alternate target). */
  readonly shiftsTraffic: boolean;
}

/**
 * Maps the model's strategy onto ECS's native one. CDK accepts CANARY without a percentage or an
 * alternate target and fails only at deploy, so the checks CloudFormation would make late are made
 * here, naming the field.
 */
export function deploymentSettings(service: ServiceModel, path: string): DeploymentSettings {
  const d = service.deployment;
  const at = `${path}.deployment`;
  if (d.strategy === 'rolling') {
    return { deploymentStrategy: ecs.DeploymentStrategy.ROLLING, shiftsTraffic: false };
  }
  if (!service.public) {
    throw new ModelError(
      `${at}.strategy`,
      `'${d.strategy}' shifts load-balancer traffic, but this service is not public`,
      "Make the service public (give it paths) or use strategy 'rolling'.",
    );
  }
  const bakeTime = Duration.minutes(minutes(d.bakeMinutes, `${at}.bakeMinutes`, d.strategy));
  if (d.strategy === 'blue-green') {
    return { deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, bakeTime, shiftsTraffic: true };
  }
  if (d.strategy === 'canary') {
    const stepPercent = percent(d.canaryPercent, `${at}.canaryPercent`, 0.1, 'canary');
    return {
      deploymentStrategy: ecs.DeploymentStrategy.CANARY,
      bakeTime,
      // The canary serves its share for the bake time before the rest of the traffic moves.
      canaryConfiguration: { stepPercent, stepBakeTime: bakeTime },
      shiftsTraffic: true,
    };
  }
  const stepPercent = percent(d.stepPercent, `${at}.stepPercent`, 3, 'linear');
  const stepBakeTime = Duration.minutes(minutes(d.stepMinutes, `${at}.stepMinutes`, 'linear'));
  return {
    deploymentStrategy: ecs.DeploymentStrategy.LINEAR,
    bakeTime,
    linearConfiguration: { stepPercent, stepBakeTime },
    shiftsTraffic: true,
  };
}

function minutes(value: number | undefined, path: string, strategy: string): number {
  if (value === undefined || !Number.isInteger(value) || value < 0 || value > 1440) {
    throw new ModelError(
      path,
      `${strategy} needs whole minutes from 0 to 1440, got ${value ?? 'nothing'}`,
      'Set it, e.g. 10.',
    );
  }
  return value;
}

/** ECS takes traffic shares in steps of 0.1 %, from 0.1 (canary) or 3 (linear) up to 100. */
function percent(value: number | undefined, path: string, min: number, strategy: string): number {
  const onStep = value !== undefined && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
  if (value === undefined || !onStep || value < min || value > 100) {
    throw new ModelError(
      path,
      `${strategy} needs a share of traffic from ${min} to 100 in steps of 0.1, got ${value ?? 'nothing'}`,
      'Set it, e.g. 10.',
    );
  }
  return value;
}
