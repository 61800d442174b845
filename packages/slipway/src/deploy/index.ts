// Deploys: an environment's stacks through the CDK toolkit library, to AWS or the local emulator.

export type { AccountMapping } from './account-mapping.js';
export { mapAccountsForLocal } from './account-mapping.js';
export type { Confirm } from './confirm.js';
export {
  type DeployedStackResult,
  type DeployOptions,
  type DeployResult,
  deployEnvironment,
  type PreparedDeploy,
  prepareDeploy,
} from './deploy-environment.js';
export type { DeployEvent } from './deploy-events.js';
export { describeEvent } from './describe-event.js';
export {
  type DestroyOptions,
  type DestroyResult,
  destroyEnvironment,
  type RetainedResource,
} from './destroy-environment.js';
export { type DiffOptions, diffEnvironment, type EnvironmentDiff } from './diff-environment.js';
export {
  ConfirmationRequiredError,
  DeclinedError,
  DeployError,
  DeployExitCode,
  DeployUsageError,
  NoCredentialsError,
  NotBootstrappedError,
  PrivateNameRefusedError,
  StackFailedError,
  StatefulChangeRefusedError,
  TerminationProtectedError,
} from './errors.js';
export { type ImageTagOverride, parseImageTag } from './image-tags.js';
export { type PrivateNameCaller, type PrivateNameChange, privateNameChanges } from './discovery-guard.js';
export { type StatefulChange, statefulChanges } from './replacement-guard.js';
export type { SessionOptions } from './session.js';
export type { ChangeAction, PrivateNameRecords, ResourceChange, StackChanges } from './resource-change.js';
export { classifyStackChanges } from './stack-changes.js';
export { chooseTarget, type DeployTarget } from './target.js';
