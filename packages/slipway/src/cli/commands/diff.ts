import { Command, Option } from 'commander';
import type { StackGroup } from '../../deploy/session.js';
import type { CliIo } from '../io.js';
import { addConfigOptions, repeatable } from '../shared-options.js';
import { addTargetOptions, type TargetOptions } from '../target-options.js';

// The command's options only: what it does is in diff-run.ts, loaded when it runs.

export interface DiffCommandOptions extends TargetOptions {
  readonly imageTag: string[];
  readonly allowReplace: string[];
  readonly only?: StackGroup;
}

export function diffCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('diff')
    .description(
      'what a deploy of one environment would add, change, replace and remove, against what is deployed',
    )
    .addOption(
      new Option('--image-tag <[service=]tag>', 'compare as if deploying this image tag; repeatable')
        .argParser(repeatable)
        .default([]),
    )
    .addOption(
      new Option(
        '--allow-replace <logical id|host>',
        'treat this stateful replacement or removal, or this private name going dark, as allowed; repeatable',
      )
        .argParser(repeatable)
        .default([]),
    )
    .addOption(
      new Option(
        '--only <part>',
        'only the layer stacks (infrastructure) or only the service stacks (services)',
      ).choices(['infrastructure', 'services']),
    )
    .addHelpText(
      'after',
      '\nStateful resources (databases and their secrets and subnet groups, registries, buckets, log groups) that would be\n' +
        'replaced, removed or moved to another VPC or other subnets are flagged; deploy refuses them unless --allow-replace names them.\n' +
        'Private names (<service>.<app>.internal) that would stop resolving are listed with the services that call them; deploy\n' +
        'refuses those still called, or of a kept service, unless --allow-replace names the host.\n' +
        'Exit codes: 0 nothing blocks a deploy, 1 a stateful resource would be replaced, removed or moved, or a private name go dark, 2 usage or setup error.',
    );
  addTargetOptions(addConfigOptions(command)).action(async (options: DiffCommandOptions) => {
    const { runDiffCommand } = await import('./diff-run.js');
    await runDiffCommand(options, io, setExit);
  });
  return command;
}
