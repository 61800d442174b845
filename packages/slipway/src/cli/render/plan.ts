import pc from 'picocolors';
import { hasUnacknowledgedErrors } from '../../plan/findings.js';
import type { PlanOutcome } from '../../plan/run-plan.js';
import { monthlyCost, topCostDrivers } from './cost.js';
import { findingCounts, findingsTable } from './findings.js';
import { ingressSummary } from './ingress.js';
import { ingressAlternativeSummary } from '../../cost/ingress-alternative-summary.js';

/** The plan as `slipway plan` and `slipway up` print it: per environment its stacks, findings and top costs. */
export function renderPlan(plan: PlanOutcome, out: string): string {
  const lines: string[] = [pc.bold(`${plan.app} · plan`), ''];
  lines.push(
    `${pc.bold('shared')}  ${plan.shared.stacks.map((s) => `${s.name} (${s.resources})`).join(', ')}  ${monthlyCost(plan.shared)}`,
  );
  lines.push(`  findings   ${findingCounts(plan.shared.findings)}`, '');
  for (const env of plan.environments) {
    const title = `${env.name}  ${env.region}${env.production ? '  production' : ''}`;
    lines.push(`${pc.bold(title)}  ${pc.bold(monthlyCost(env))}`);
    lines.push(`  stacks     ${env.stacks.map((s) => `${s.name} (${s.resources})`).join(', ')}`);
    const ingress = ingressSummary(env);
    if (ingress !== undefined) lines.push(`  ingress    ${ingress}`);
    // Under the ingress line, aligned with it: what the other ingress would cost, or what rules it out.
    // What rules the HTTP API out is already in the ingress line's brackets; only a price adds to it.
    if (env.ingressAlternative !== undefined && 'usdPerMonth' in env.ingressAlternative) {
      lines.push(`             ${ingressAlternativeSummary(env.ingressAlternative)}`);
    }
    lines.push(`  findings   ${findingCounts(env.findings)}`);
    lines.push(`  top costs  ${topCostDrivers(env.costItems)}`, '');
  }
  const open = [...plan.shared.findings, ...plan.environments.flatMap((e) => e.findings)].filter(
    (f) => !f.acknowledged && f.level !== 'info',
  );
  if (open.length > 0) lines.push(findingsTable(open), '');
  lines.push(pc.dim(`Templates written to ${out}. Details: slipway check, slipway cost.`));
  lines.push(
    hasUnacknowledgedErrors(plan)
      ? pc.red('✗ Unacknowledged error findings: fix them or acknowledge each with a reason in the config.')
      : pc.green('✓ No unacknowledged error findings.'),
  );
  return `${lines.join('\n')}\n`;
}
