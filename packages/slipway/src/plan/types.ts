/**
 * What a plan produces: the shape behind `slipway plan --json`. Checks and the cost estimator
 * each fill one part of it from the synthesized templates.
 */

import type { Finding } from '../checks/finding.js';
import type { CostItem } from '../cost/cost-item.js';

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
