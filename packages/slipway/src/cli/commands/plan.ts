import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { addConfigOptions, addOutOption, type ConfigOptions } from '../shared-options.js';

// The command's options only: what it does is in plan-run.ts, loaded when it runs.

export interface PlanCommandOptions extends ConfigOptions {
  readonly out: string;
  readonly html?: string;
}

export function planCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('plan')
    .description(
      'synthesize each environment, run the security checks and price it, before anything is spent',
    )
    .addHelpText(
      'after',
      '\nWrites <out>/<stack>.template.json for every stack.\nExit codes: 0 clean, 1 unacknowledged error findings, 2 config or usage error.',
    );
  addOutOption(addConfigOptions(command))
    .addOption(new Option('--html <file>', 'also write the plan as an HTML report (see slipway report)'))
    .action(async (options: PlanCommandOptions) => {
      const { runPlanCommand } = await import('./plan-run.js');
      await runPlanCommand(options, io, setExit);
    });
  return command;
}
