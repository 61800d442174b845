/**
 * Acknowledgements silence findings, so each must be specific and explained (SECURITY.md 1): a
 * reason a reviewer can read, and for IAM5 one exact finding on one resource, never a whole stack.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { isRuleId } from '../../checks/acknowledgement-rules.js';
import type { Validator } from './context.js';

const MIN_REASON = 10;

export const validateAcknowledgements: Validator = ({ config }) =>
  (config.acknowledgements ?? []).flatMap((ack, index): ConfigIssue[] => {
    const path = (field: string) => joinPath('acknowledgements', index, field);
    const issues: ConfigIssue[] = [];
    if (ack.rule.includes('::')) {
      issues.push(
        issue(
          path('rule'),
          `'${ack.rule}' uses the pack-prefixed form`,
          `write the rule as the plan reports it, e.g. '${ack.rule.split('::').at(-1)}'`,
        ),
      );
    } else if (!isRuleId(ack.rule)) {
      issues.push(
        issue(
          path('rule'),
          `'${ack.rule}' is not a rule id`,
          "write it as the plan reports it, e.g. 'AwsSolutions-IAM5[Resource::*]', 'Slipway-DB1' or 'CT.CLOUDWATCH.PR.3'",
        ),
      );
    }
    if (ack.reason.trim().length < MIN_REASON) {
      issues.push(
        issue(
          path('reason'),
          'is too short to tell a reviewer why the finding is acceptable',
          'explain in a sentence why this is safe here',
        ),
      );
    }
    if (ack.rule.startsWith('AwsSolutions-IAM5')) {
      if (!ack.rule.includes('[')) {
        issues.push(
          issue(
            path('rule'),
            'acknowledges every IAM5 finding at once; each wildcard permission must be accepted on its own',
            "name the finding, e.g. 'AwsSolutions-IAM5[Resource::*]'",
          ),
        );
      }
      for (const field of ['stack', 'resource'] as const) {
        if (ack[field] === undefined) {
          issues.push(
            issue(
              path(field),
              `is missing; IAM5 is acknowledged per finding, never for a whole ${field === 'stack' ? 'app' : 'stack'}`,
              `set ${field} to where the finding is reported`,
            ),
          );
        }
      }
    }
    return issues;
  });
