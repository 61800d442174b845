import { loadConfig } from '../config/load.js';
import type { AppModel } from '../model/types.js';
import { type PlanOptions, type PlanOutcome, runPlan } from '../plan/run-plan.js';
import type { CliIo } from './io.js';
import { progressReporter } from './progress.js';
import { type ConfigOptions, resolveConfigPath } from './shared-options.js';

/** What `plan`, `check` and `cost` share: load the config, then plan the chosen environments. */
export async function planFromOptions(
  options: ConfigOptions & { readonly out: string },
  io: CliIo,
  parts: { readonly checks?: boolean; readonly cost?: boolean } = {},
): Promise<PlanOutcome> {
  return planModel(await loadConfig(resolveConfigPath(options.config)), options, io, parts);
}

/** Plans an already loaded model the way the options say. */
export function planModel(
  model: AppModel,
  options: ConfigOptions & { readonly out: string },
  io: CliIo,
  parts: Pick<PlanOptions, 'checks' | 'cost' | 'onTemplates'> = {},
): PlanOutcome {
  return runPlan(model, {
    outdir: options.out,
    environments: options.env,
    ...parts,
    onStep: io.progress ? progressReporter(io.progress) : undefined,
  });
}
