/**
 * What a plan produces: the shape behind `slipway plan --json`. Checks and the cost estimator
 * each fill one part of it from the synthesized templates.
 */

import type { Finding } from '../checks/finding.js';
import type { CostItem, UnpricedItem } from '../cost/cost-item.js';
import type { IngressAlternative } from '../cost/ingress-alternative.js';
import type { Ingress, LoadBalancerNeed } from '../model/ingress.js';

export interface StackSummary {
  readonly name: string;
  readonly template: string;
  readonly resources: number;
}

/** What serves an environment's public services, and why: the model's `ingressChoice`, as planned. */
export interface IngressPlan {
  /** 'none' when no service is public: nothing is built. */
  readonly kind: Ingress | 'none';
  /** The config chose it; otherwise it is the default. */
  readonly set: boolean;
  /** One sentence: why this ingress. */
  readonly reason: string;
  /** What rules an HTTP API out; empty when an HTTP API would serve every public service. */
  readonly needsLoadBalancer: readonly LoadBalancerNeed[];
}

export interface EnvironmentPlan {
  readonly name: string;
  readonly region: string;
  readonly production: boolean;
  /** Absent only in plans written before the ingress was planned (a base branch's, in a pull request). */
  readonly ingress?: IngressPlan;
  /**
   * The other ingress priced for this environment and the HTTP API's saving against the load
   * balancer, or what rules the HTTP API out (`ingress-alternative.ts`). Absent when there is
   * nothing to compare: no public service, production on the load balancer, no price table, a
   * plan without the cost step, or a plan written before it was compared.
   */
  readonly ingressAlternative?: IngressAlternative;
  readonly stacks: readonly StackSummary[];
  /** Sum of the cost items, unrounded; null when the region has no price table. */
  readonly monthlyCostUsd: number | null;
  readonly costItems: readonly CostItem[];
  /** What the monthly cost leaves out, and why. */
  readonly unpriced: readonly UnpricedItem[];
  /** How many of the figures behind the cost are derived, assumed or otherwise unverified. */
  readonly unverifiedFigures: number;
  readonly findings: readonly Finding[];
  /** EKS: the GitOps folder's files as planned, under the templates' folder. Absent on ECS. */
  readonly manifests?: readonly string[];
}

export interface PlanResult {
  readonly app: string;
  readonly shared: { readonly stacks: readonly StackSummary[] };
  readonly environments: readonly EnvironmentPlan[];
}
