import { ciHostOf } from '../model/ci-host.js';
import type { AppModel, DeliveryModel } from '../model/types.js';
import { regionFacts } from '../stacks/shared/partition.js';
import {
  deployRoleName,
  imagePushRoleName,
  previewDeployRoleName,
  previewPushRoleName,
} from '../stacks/shared/resource-names.js';
import { deliveryOf } from './delivery.js';

/** What every workflow generator reads. */
export interface WorkflowContext {
  readonly model: AppModel;
  readonly delivery: DeliveryModel;
  /** The config file, relative to the repository root, as the workflows pass it to `--config`. */
  readonly configPath: string;
  /** Runner label for every job. */
  readonly runner: string;
}

export function workflowContext(model: AppModel, configPath: string): WorkflowContext {
  return { model, delivery: deliveryOf(model), configPath, runner: 'ubuntu-latest' };
}

/** ARN of a role in the CI account, built from the same names the CI stack gives the roles. */
function ciRoleArn(model: AppModel, roleName: string): string {
  const { partition } = regionFacts(model.ci.region);
  return `arn:${partition}:iam::${model.ci.account}:role/${roleName}`;
}

export function imagePushRoleArn(model: AppModel): string {
  return ciRoleArn(model, imagePushRoleName(model.app, ciHostOf(model)));
}

export function previewPushRoleArn(model: AppModel): string {
  return ciRoleArn(model, previewPushRoleName(model.app, ciHostOf(model)));
}

/** GitLab only: the role preview jobs deploy with (on GitHub they use the copied environment's). */
export function previewDeployRoleArn(model: AppModel): string {
  return ciRoleArn(model, previewDeployRoleName(model.app, ciHostOf(model)));
}

export function deployRoleArn(model: AppModel, environment: string): string {
  return ciRoleArn(model, deployRoleName(model.app, environment, ciHostOf(model)));
}
