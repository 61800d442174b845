import { loadConfig } from '../../config/load.js';
import { diffEnvironment } from '../../deploy/index.js';
import type { StackChanges } from '../../deploy/resource-change.js';
import type { AppModel } from '../../model/types.js';
import { planDiff } from '../../report/plan-diff.js';
import { fromPlan, type PlanOnDisk, readPlanFile } from '../../report/read-plan.js';
import type { ReportInput } from '../../report/report-data.js';
import { ReportDrawings } from '../../report/report-drawings.js';
import { warmDrawingThread } from '../../report/warm-up.js';
import { writeReport } from '../../report/write-report.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { planModel } from '../plan-from-options.js';
import { configPathFromCwd, resolveConfigPath } from '../shared-options.js';
import { progressPrinter, reportingErrors } from '../deploy-feedback.js';
import type { ReportCommandOptions } from './report.js';

/** What `slipway report` does; loaded only when it runs, since it plans and draws. */
export async function runReportCommand(
  options: ReportCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  await reportingErrors(io, setExit, async () => {
    const input = await reportInput(options, io);
    const file = await writeReport(input, options.out);
    io.out(options.json ? `${JSON.stringify({ report: file })}\n` : `Report written to ${file}\n`);
    setExit(ExitCode.ok);
  });
}

async function reportInput(options: ReportCommandOptions, io: CliIo): Promise<ReportInput> {
  // The drawing thread loads ELK and Vega on the other core while this one loads the config and
  // plans (or reads the plan file).
  warmDrawingThread();
  const configPath = resolveConfigPath(options.config);
  // A plan file needs no config, unless the report compares with a target: the diff synthesizes.
  const model =
    options.fromPlan === undefined || options.target !== undefined ? await loadConfig(configPath) : undefined;
  // Planning here, the delivery graph is laid out during the synth and the environments during
  // the checks.
  const drawings =
    options.fromPlan === undefined ? new ReportDrawings(model, configPathFromCwd(configPath)) : undefined;
  const plan =
    options.fromPlan !== undefined
      ? readPlanFile(options.fromPlan)
      : fromPlan(
          planModel(model!, { ...options, out: options.templates }, io, {
            onTemplates: drawings?.templatesReady,
          }),
        );
  return {
    plan,
    model,
    drawings,
    configPath: configPathFromCwd(configPath),
    changes: await changesOf(options, plan, model, io),
  };
}

/** What the plan changes: against an earlier plan file, or against what a target has deployed. */
async function changesOf(
  options: ReportCommandOptions,
  plan: PlanOnDisk,
  model: AppModel | undefined,
  io: CliIo,
): Promise<ReportInput['changes']> {
  if (options.against !== undefined) {
    const base = readPlanFile(options.against);
    return {
      against: `the plan in ${options.against}`,
      environments: new Map(planDiff(base, plan).map((e) => [e.environment, e.stacks])),
    };
  }
  if (options.target === undefined || model === undefined) return undefined;
  const environments = new Map<string, readonly StackChanges[]>();
  for (const env of plan.plan.environments) {
    const diff = await diffEnvironment(model, env.name, {
      target: options.target,
      stateDir: options.stateDir,
      onEvent: progressPrinter(io),
    });
    environments.set(env.name, diff.stacks);
  }
  return { against: `what is deployed (${options.target})`, environments };
}
