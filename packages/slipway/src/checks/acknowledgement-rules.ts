/**
 * What makes an acknowledgement acceptable (SECURITY.md item 1): a reason a reviewer can read, a
 * rule id as the plan reports it, and for AwsSolutions-IAM5 one exact finding on one resource.
 */

import type { AcknowledgementModel } from '../model/types.js';
import type { AcknowledgementProblem } from './acknowledgement-error.js';

/** `<Pack>-<Rule>` with an optional `[finding]`, e.g. `AwsSolutions-IAM5[Resource::*]` or `Slipway-RDS1`. */
const PACK_RULE_ID = /^[A-Za-z]+-[A-Za-z0-9]+(?:\[.+\])?$/;
/** An AWS Control Tower control as the plan reports it, e.g. `CT.CLOUDWATCH.PR.3` or `CT.NETWORK-FIREWALL.PR.1`. */
const CONTROL_ID = /^CT\.[A-Z0-9]+(?:-[A-Z0-9]+)*\.PR\.\d+$/;

/** Whether `rule` names an AWS Control Tower control, whose findings only the Control Tower pack reports. */
export function isControlId(rule: string): boolean {
  return CONTROL_ID.test(rule);
}

/** Whether `rule` has the form of a rule id the plan reports. */
export function isRuleId(rule: string): boolean {
  return PACK_RULE_ID.test(rule) || CONTROL_ID.test(rule);
}
const IAM5 = 'AwsSolutions-IAM5';

export function isIam5(rule: string): boolean {
  return rule === IAM5 || rule.startsWith(`${IAM5}[`);
}

/** Problems with a rule id, wherever the acknowledgement is declared. */
export function ruleProblems(path: string, rule: string): AcknowledgementProblem[] {
  const problems: AcknowledgementProblem[] = [];
  if (!isRuleId(rule)) {
    problems.push({
      path,
      problem: `rule '${rule}' is not a rule id as the plan reports it`,
      fix: "copy the id from the finding, e.g. 'AwsSolutions-S1', 'AwsSolutions-IAM5[Resource::*]', 'Slipway-RDS1' or 'CT.CLOUDWATCH.PR.3'",
    });
  }
  if (rule === IAM5) {
    problems.push({
      path,
      problem: 'AwsSolutions-IAM5 without a [finding] would accept every wildcard permission at once',
      fix: "acknowledge each finding on its own, e.g. 'AwsSolutions-IAM5[Resource::*]'",
    });
  }
  return problems;
}

export function reasonProblems(path: string, reason: string): AcknowledgementProblem[] {
  if (reason.trim() !== '') return [];
  return [
    {
      path,
      problem: 'the reason is empty',
      fix: 'say in a sentence why the finding is acceptable here, for the reviewer who reads the plan',
    },
  ];
}

/** Problems of the acknowledgements a config declares; empty when all are acceptable. */
export function acknowledgementProblems(
  acknowledgements: readonly AcknowledgementModel[],
): AcknowledgementProblem[] {
  return acknowledgements.flatMap((ack, index) => {
    const at = (field: string) => `acknowledgements[${index}].${field}`;
    const problems = [...ruleProblems(at('rule'), ack.rule), ...reasonProblems(at('reason'), ack.reason)];
    if (!isIam5(ack.rule)) return problems;
    if (ack.resource === undefined) {
      problems.push({
        path: at('resource'),
        problem: `is missing, so ${ack.rule} would be accepted on every resource of ${ack.stack === undefined ? 'every stack' : `stack '${ack.stack}'`}; IAM5 is acknowledged per finding, never per stack`,
        fix: "set resource to the construct path or logical id the finding is reported on, e.g. 'myapp-ci/DeployRole/DefaultPolicy/Resource'",
      });
    } else if (!ack.resource.includes('/') && ack.stack === undefined) {
      // The same logical id recurs across stacks (every service stack has one), so it alone is not one finding.
      problems.push({
        path: at('stack'),
        problem: `is missing, and logical id '${ack.resource}' alone may match a resource in several stacks`,
        fix: 'set stack to the stack the finding is reported in, or give resource as a full construct path',
      });
    }
    return problems;
  });
}
