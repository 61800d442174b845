/** How an ECS service deploys, read from its template properties with ECS's defaults filled in. */

import type { CfnResource } from '../../../template/types.js';
import { isRecord, property } from '../support/values.js';

export function isEcsService(resource: CfnResource): boolean {
  return resource.Type === 'AWS::ECS::Service';
}

export function deploymentConfiguration(service: CfnResource): Readonly<Record<string, unknown>> {
  const configuration = property(service, 'DeploymentConfiguration');
  return isRecord(configuration) ? configuration : {};
}

/** ECS's own controller (the default), as opposed to CODE_DEPLOY or EXTERNAL. */
export function usesEcsController(service: CfnResource): boolean {
  const controller = property(service, 'DeploymentController');
  return !isRecord(controller) || controller.Type === undefined || controller.Type === 'ECS';
}

/** ROLLING unless the service picks one of ECS's native BLUE_GREEN, LINEAR or CANARY strategies. */
export function isRollingDeployment(service: CfnResource): boolean {
  const strategy = deploymentConfiguration(service).Strategy;
  return usesEcsController(service) && (strategy === undefined || strategy === 'ROLLING');
}
