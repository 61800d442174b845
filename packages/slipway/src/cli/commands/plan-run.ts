import { loadConfig } from '../../config/load.js';
import pc from 'picocolors';
import { hasUnacknowledgedErrors } from '../../plan/findings.js';
import type { PlanOutcome } from '../../plan/run-plan.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { planModel } from '../plan-from-options.js';
import { monthlyCost, topCostDrivers } from '../render/cost.js';
import { findingCounts, findingsTable } from '../render/findings.js';
import { configPathFromCwd, resolveConfigPath } from '../shared-options.js';
import type { PlanCommandOptions } from './plan.js';

/** What `slipway plan` does; loaded only when it runs, since planning loads aws-cdk-lib. */
export async function runPlanCommand(
  options: PlanCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  if (options.html !== undefined) {
    // The drawing thread loads ELK and Vega on the other core while this one synthesizes.
    (await import('../../report/warm-up.js')).warmDrawingThread();
  }
  const configPath = resolveConfigPath(options.config);
  const model = await loadConfig(configPath);
  // The delivery graph is laid out during the synth and the environments during the checks.
  const drawings =
    options.html === undefined
      ? undefined
      : new (await import('../../report/report-drawings.js')).ReportDrawings(
          model,
          configPathFromCwd(configPath),
        );
  const plan = planModel(model, options, io, { onTemplates: drawings?.templatesReady });
  io.out(options.json ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan, options.out));
  if (options.html !== undefined) {
    // After the plan's own output, so a failing report never hides the findings.
    const { writeReport } = await import('../../report/write-report.js');
    const { fromPlan } = await import('../../report/read-plan.js');
    const file = await writeReport(
      {
        plan: fromPlan(plan),
        model,
        configPath: configPathFromCwd(configPath),
        drawings,
      },
      options.html,
    );
    io.progress?.write(`Report written to ${file}\n`);
  }
  setExit(hasUnacknowledgedErrors(plan) ? ExitCode.findings : ExitCode.ok);
}

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
