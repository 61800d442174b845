import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { addConfigOptions, addOutOption, type ConfigOptions } from '../shared-options.js';

// The command's options only: what it does is in check-run.ts, loaded when it runs.

export interface CheckCommandOptions extends ConfigOptions {
  readonly out: string;
  readonly acknowledged: boolean;
}

export function checkCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('check')
    .description(
      'run the security checks (cdk-nag AwsSolutions and Slipway rules, and AWS Control Tower controls when checks.controlTower is on) on every stack',
    )
    .addOption(
      new Option('--acknowledged', 'also list acknowledged findings with their reasons').default(false),
    )
    .addHelpText('after', '\nExit codes: 0 clean, 1 unacknowledged error findings, 2 config or usage error.');
  addOutOption(addConfigOptions(command)).action(async (options: CheckCommandOptions) => {
    const { runCheckCommand } = await import('./check-run.js');
    await runCheckCommand(options, io, setExit);
  });
  return command;
}
