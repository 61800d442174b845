import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { addConfigOptions, addOutOption, type ConfigOptions } from '../shared-options.js';

// The command's options only: what it does is in cost-run.ts, loaded when it runs.

export interface CostCommandOptions extends ConfigOptions {
  readonly out: string;
}

export function costCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('cost')
    .description('estimate what each environment costs per month, line by line, from bundled AWS list prices')
    .addHelpText(
      'after',
      '\nThe estimate prices the synthesized templates, with the usage assumptions in the config (usage: {...}).',
    );
  addOutOption(addConfigOptions(command)).action(async (options: CostCommandOptions) => {
    const { runCostCommand } = await import('./cost-run.js');
    await runCostCommand(options, io, setExit);
  });
  return command;
}
