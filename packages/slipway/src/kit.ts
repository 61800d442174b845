// The whole kit as a library: deploys, the local cloud, the dev loop, workflows and init, plus
// everything `slipway` itself exports.

export * from './index.js';
export * from './deploy/index.js';
export { consoleReporter, type DevOutput } from './dev/console-reporter.js';
export { DevCancelledError, DevError, PortInUseError, ServiceStartError } from './dev/dev-error.js';
export type { DevDatabaseInfo, DevEvent, DevReporter, DevServiceInfo } from './dev/events.js';
export {
  type DevFinish,
  type DevOptions,
  type DevSession,
  type StopOptions,
  startDev,
} from './dev/start-dev.js';
export { InitError, type InitOptions, type InitResult, initProject } from './init/init-project.js';
export * from './local-cloud/index.js';
export { ACTIONS, type PinnedAction } from './workflows/actions.js';
export { type GeneratedFile, type GenerateOptions, generateWorkflows } from './workflows/generate.js';
export { type RoleAssumption, roleAssumptions } from './workflows/oidc-subjects.js';
export { renderPlanMarkdown } from './workflows/plan-markdown.js';
export {
  checkWorkflows,
  WORKFLOW_RULES,
  type WorkflowFinding,
  type WorkflowRule,
  type WorkflowRuleContext,
} from './workflows/rules/index.js';
export type { Workflow, WorkflowFile } from './workflows/workflow-types.js';
