import { loadConfig } from '../../config/load.js';
import { hasUnacknowledgedErrors } from '../../plan/findings.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { planModel } from '../plan-from-options.js';
import { renderPlan } from '../render/plan.js';
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
