/**
 * What a plan produces: the shape behind `slipway plan --json`. Checks and the cost estimator
 * each fill one part of it from the synthesized templates.
 */

export type FindingLevel = 'error' | 'warning' | 'info';

/** One synthesized stack, as the checks and the cost estimator read it. */
export interface SynthesizedStack {
  readonly name: string;
  /** Environment name, or undefined for the account-level CI stack. */
  readonly environment?: string;
  /** Path of the written `<stack>.template.json`. */
  readonly templatePath: string;
  /** The parsed CloudFormation template. */
  readonly template: CfnTemplate;
}

export interface CfnTemplate {
  readonly Resources?: Readonly<Record<string, CfnResource>>;
  readonly Parameters?: Readonly<Record<string, unknown>>;
  readonly Outputs?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Metadata?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export interface Finding {
  /** e.g. `AwsSolutions-IAM5[Resource::*]` or `Slipway-DB1`. */
  readonly rule: string;
  readonly level: FindingLevel;
  readonly stack: string;
  /** Logical id when known, else the construct path. */
  readonly resource: string;
  readonly message: string;
  readonly acknowledged: boolean;
  /** Why it was acknowledged; present exactly when `acknowledged`. */
  readonly reason?: string;
}

export interface CostItem {
  readonly stack: string;
  /** Logical id of the priced resource. */
  readonly resource: string;
  /** CloudFormation type, e.g. `AWS::RDS::DBInstance`. */
  readonly type: string;
  /** Monthly cost in US dollars. */
  readonly usd: number;
  /** How the figure was reached, e.g. `db.t4g.micro 730 h × $0.016 (AWS price list, 2026-07)`. */
  readonly basis: string;
}

export interface StackSummary {
  readonly name: string;
  readonly template: string;
  readonly resources: number;
}

export interface EnvironmentPlan {
  readonly name: string;
  readonly region: string;
  readonly production: boolean;
  readonly stacks: readonly StackSummary[];
  readonly monthlyCostUsd: number;
  readonly costItems: readonly CostItem[];
  readonly findings: readonly Finding[];
}

export interface PlanResult {
  readonly app: string;
  readonly shared: { readonly stacks: readonly StackSummary[] };
  readonly environments: readonly EnvironmentPlan[];
}
