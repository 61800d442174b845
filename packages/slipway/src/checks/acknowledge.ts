import { Stack, Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { AcknowledgementError } from './acknowledgement-error.js';
import { isIam5, reasonProblems, ruleProblems } from './acknowledgement-rules.js';

/** Construct metadata type the checks read acknowledgements from. */
export const ACKNOWLEDGEMENT_METADATA = 'slipway:acknowledgement';

/** What `acknowledge()` records on the construct. */
export interface AcknowledgementMetadata {
  readonly rule: string;
  readonly reason: string;
}

/**
 * Records that a finding on `scope` is accepted by design, with the reason a reviewer will read.
 * Stacks call this next to the construct that causes the finding, so the reason sits beside the code.
 * `rule` is the finding's id as reported, e.g. `AwsSolutions-IAM5[Action::ecr:GetAuthorizationToken]`;
 * it covers that rule on `scope` and every construct below it. The finding is still reported,
 * marked acknowledged with this reason, and an acknowledgement that matches nothing is reported as stale.
 *
 * Throws when the reason is empty, the rule is not a rule id, or an IAM5 finding is acknowledged
 * for a whole stack: IAM5 is acknowledged per finding (SECURITY.md item 1).
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  const path = `acknowledge() on ${scope.node.path === '' ? '(app)' : scope.node.path}`;
  const problems = [...ruleProblems(path, rule), ...reasonProblems(path, reason)];
  if (isIam5(rule) && (Stack.isStack(scope) || Stage.isStage(scope))) {
    problems.push({
      path,
      problem: `${rule} is acknowledged for a whole ${Stack.isStack(scope) ? 'stack' : 'app'}; IAM5 is acknowledged per finding, never per stack`,
      fix: 'call acknowledge() on the construct that owns the policy (the role or its default policy)',
    });
  }
  if (problems.length > 0) throw new AcknowledgementError(problems);
  const data: AcknowledgementMetadata = { rule, reason };
  scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, data);
}
