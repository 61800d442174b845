import { loadConfig } from '../config/load.js';
import { type PlanOutcome, runPlan } from '../plan/run-plan.js';
import type { CliIo } from './io.js';
import { progressReporter } from './progress.js';
import { type ConfigOptions, resolveConfigPath } from './shared-options.js';

/** What `plan`, `check` and `cost` share: load the config, then plan the chosen environments. */
export async function planFromOptions(
  options: ConfigOptions & { readonly out: string },
  io: CliIo,
  parts: { readonly checks?: boolean; readonly cost?: boolean } = {},
): Promise<PlanOutcome> {
  const model = await loadConfig(resolveConfigPath(options.config));
  return runPlan(model, {
    outdir: options.out,
    environments: options.env,
    ...parts,
    onStep: io.progress ? progressReporter(io.progress) : undefined,
  });
}
