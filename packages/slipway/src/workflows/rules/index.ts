import type { WorkflowFile } from '../workflow-types.js';
import { checkoutCredentials } from './checkout-credentials.js';
import { deployEnvironment } from './deploy-environment.js';
import { idTokenForRoles } from './id-token-for-roles.js';
import { noExpressionsInScripts } from './no-expressions-in-scripts.js';
import { noInheritedSecrets } from './no-inherited-secrets.js';
import { pinnedActions } from './pinned-actions.js';
import { productionConcurrency } from './production-concurrency.js';
import { productionDiffFirst } from './production-diff-first.js';
import { repositoryWrites } from './repository-writes.js';
import { topLevelPermissions } from './top-level-permissions.js';
import { trustedTriggers } from './trusted-triggers.js';
import type { WorkflowFinding, WorkflowRule, WorkflowRuleContext } from './types.js';

/** Slipway's workflow rules (SECURITY.md 15–18), in the order they are reported. */
export const WORKFLOW_RULES: readonly WorkflowRule[] = [
  pinnedActions,
  topLevelPermissions,
  idTokenForRoles,
  trustedTriggers,
  noExpressionsInScripts,
  checkoutCredentials,
  noInheritedSecrets,
  deployEnvironment,
  productionConcurrency,
  productionDiffFirst,
  repositoryWrites,
];

/** Every rule over every file; an empty list means all of them comply. */
export function checkWorkflows(
  files: readonly WorkflowFile[],
  context: WorkflowRuleContext,
): WorkflowFinding[] {
  return files.flatMap((file) =>
    WORKFLOW_RULES.flatMap((rule) =>
      rule.check(file, context).map((problem) => ({ rule: rule.id, file: file.path, ...problem })),
    ),
  );
}

export type { WorkflowFinding, WorkflowProblem, WorkflowRule, WorkflowRuleContext } from './types.js';
