import type { FindingLevel } from '../finding.js';
import type { CfnResource, CfnTemplate } from '../../template/types.js';

/** What a rule may know besides the resource it checks. */
export interface RuleContext {
  /** Logical id of the resource being checked. */
  readonly logicalId: string;
  /** The whole template the resource sits in, for rules that look at other resources. */
  readonly template: CfnTemplate;
  /** Name of the stack the template belongs to. */
  readonly stackName: string;
  /** Whether the stack belongs to a production environment; the shared CI stack counts as production. */
  readonly production: boolean;
  /** The region the stack deploys to, when known. */
  readonly region?: string;
  /** Whether the stack's environment has a Cognito user pool (the app declares `auth`). */
  readonly userPool?: boolean;
  /**
   * In the CI stack of a GitLab app with previews: the declared `delivery.previewBranches`, the only
   * patterns Slipway-IAM5 admits in a preview role's trust (decision 023).
   */
  readonly previewBranches?: readonly string[];
}

/** What the model says about a stack that its template alone does not. */
export interface StackFacts {
  /** A production environment's stack, or the shared CI stack. */
  readonly production: boolean;
  /** The environment has a Cognito user pool. @default false */
  readonly userPool?: boolean;
  /** GitLab preview branch patterns the CI stack's preview roles may trust. @default none */
  readonly previewBranches?: readonly string[];
}

/** A non-compliant result that says what exactly is wrong, appended to the rule's description. */
export interface RuleViolation {
  readonly detail: string;
}

export type RuleResult = 'compliant' | 'non-compliant' | 'not-applicable' | RuleViolation;

/** One of Slipway's own checks on synthesized CloudFormation, pure so it can be tested on hand-written resources. */
export interface SlipwayRule {
  /** `Slipway-<SERVICE><n>`, never reused once published (acknowledgements name it). */
  readonly id: string;
  readonly level: FindingLevel;
  /** The level outside production, for a rule that is an error only there. @default `level` */
  readonly nonProductionLevel?: FindingLevel;
  /** One line: what the rule requires and, where it is not obvious, why. */
  readonly description: string;
  readonly check: (resource: CfnResource, context: RuleContext) => RuleResult;
}

export function violation(detail: string): RuleViolation {
  return { detail };
}
