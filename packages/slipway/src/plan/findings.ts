import type { Finding } from '../checks/finding.js';
import type { PlanOutcome } from './run-plan.js';

// Apart from the planner, so what only reads a plan (a pull request's summary) never loads
// aws-cdk-lib and the stacks to ask which findings it has.

/** Every finding of the plan, shared stacks included. */
export function allFindings(plan: PlanOutcome): Finding[] {
  return [...plan.shared.findings, ...plan.environments.flatMap((e) => e.findings)];
}

export function hasUnacknowledgedErrors(plan: PlanOutcome): boolean {
  return allFindings(plan).some((f) => f.level === 'error' && !f.acknowledged);
}
