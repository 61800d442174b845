import { Command, Option } from 'commander';
import type { StackGroup } from '../../deploy/session.js';
import type { CliIo } from '../io.js';
import { addConfigOptions, concurrencyOption, repeatable } from '../shared-options.js';
import { addTargetOptions, type TargetOptions } from '../target-options.js';

// The command's options only: what it does is in deploy-run.ts, loaded when it runs.

export interface DeployCommandOptions extends TargetOptions {
  readonly imageTag: string[];
  readonly allowReplace: string[];
  readonly yes: boolean;
  readonly concurrency?: number;
  readonly includeCi: boolean;
  readonly only?: StackGroup;
}

export function deployCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('deploy')
    .description(
      "deploy one environment's stacks (CI stack first when missing, then network → data → runtime → services)",
    )
    .addOption(
      new Option(
        '--image-tag <[service=]tag>',
        'deploy this image tag (for one service, or all); repeatable; overrides the config',
      )
        .argParser(repeatable)
        .default([]),
    )
    .addOption(
      new Option(
        '--allow-replace <logical id|host>',
        'let this stateful resource be replaced or removed, or this private name (inventory.orders.internal) stop resolving for a while; repeatable',
      )
        .argParser(repeatable)
        .default([]),
    )
    .addOption(new Option('-y, --yes', 'confirm a production deploy without asking (for CI)').default(false))
    .addOption(
      new Option(
        '--only <part>',
        'only the layer stacks (infrastructure) or only the service stacks (services)',
      ).choices(['infrastructure', 'services']),
    )
    .addOption(concurrencyOption())
    .addOption(
      new Option(
        '--include-ci',
        'also update the shared stacks (CI, CodePipeline) when they exist and have changes',
      ).default(false),
    )
    .addHelpText(
      'after',
      '\nWithout --target: aws when AWS credentials are configured, local (the emulator on this machine) otherwise.\n' +
        'Exit codes: 0 deployed, 1 refused (an error finding is not acknowledged, a stateful resource would be replaced, removed or moved to another network, or a called private name would stop resolving), 2 usage or setup error, 4 a stack failed.',
    );
  addTargetOptions(addConfigOptions(command)).action(async (options: DeployCommandOptions) => {
    const { runDeployCommand } = await import('./deploy-run.js');
    await runDeployCommand(options, io, setExit);
  });
  return command;
}
