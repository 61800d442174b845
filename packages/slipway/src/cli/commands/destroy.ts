import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { addConfigOptions, concurrencyOption } from '../shared-options.js';
import { addTargetOptions, type TargetOptions } from '../target-options.js';

// The command's options only: what it does is in destroy-run.ts, loaded when it runs.

export interface DestroyCommandOptions extends TargetOptions {
  readonly yes: boolean;
  readonly concurrency?: number;
}

export function destroyCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('destroy')
    .description(
      "delete one environment's stacks, services first and network last; the shared CI stack stays",
    )
    .addOption(
      new Option(
        '-y, --yes',
        'confirm without asking (production still refuses: its stacks are protected)',
      ).default(false),
    )
    .addOption(concurrencyOption())
    .addHelpText(
      'after',
      '\nStacks with termination protection (every production stack) are refused before anything is deleted.\n' +
        'Exit codes: 0 destroyed (or nothing deployed), 1 refused, 2 usage or setup error, 4 a stack failed to delete.',
    );
  addTargetOptions(addConfigOptions(command)).action(async (options: DestroyCommandOptions) => {
    const { runDestroyCommand } = await import('./destroy-run.js');
    await runDestroyCommand(options, io, setExit);
  });
  return command;
}
