import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG, repeatable } from '../shared-options.js';
import { addTargetOptions, type TargetOptions } from '../target-options.js';

// The command's options only: what each subcommand does is in preview-run.ts, loaded when it runs.

export interface PreviewOptions extends Omit<TargetOptions, 'env'> {
  readonly branch: string;
  readonly imageTag: string[];
  readonly olderThan: string;
  readonly dryRun: boolean;
  readonly branchImages: boolean;
}

/** `slipway preview up|down|list|prune`: per-branch copies of the services inside dev. */
export function previewCommand(io: CliIo, setExit: (code: number) => void): Command {
  const preview = new Command('preview').description(
    'per-branch preview environments inside the environment previews copy (dev): its VPC, cluster, load balancer and database instance',
  );
  const add = (command: Command) =>
    preview.addCommand(
      withCommon(command).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }),
    );
  // Each subcommand's work is loaded when it runs.
  const run = (action: keyof typeof import('./preview-run.js')) => async (options: PreviewOptions) =>
    (await import('./preview-run.js'))[action](options, io, setExit);

  const up = new Command('up')
    .description("bring the branch's preview up, or update it: its own database and role, then its stack")
    .requiredOption('-b, --branch <name>', 'the git branch (any name; it is sanitized into the preview id)')
    .addOption(
      new Option('--image-tag <[service=]tag>', 'run this image tag (for one service, or all); repeatable')
        .argParser(repeatable)
        .default([]),
    )
    .addOption(
      new Option(
        '--branch-images',
        "run images from the preview repositories (<repository>-preview), where the preview workflow pushes the branch's builds",
      ).default(false),
    )
    .action(run('runPreviewUp'));

  const down = new Command('down')
    .description("take the branch's preview down: its stack, then its database and role")
    .requiredOption('-b, --branch <name>', 'the git branch whose preview goes')
    .action(run('runPreviewDown'));

  const list = new Command('list')
    .description('the previews deployed now, oldest first, with their address, age and cost per hour')
    .action(run('runPreviewList'));

  const prune = new Command('prune')
    .description('take down every preview not deployed for longer than --older-than')
    .requiredOption('--older-than <age>', 'e.g. 7d, 36h, 90m: time since the last deploy')
    .addOption(new Option('--dry-run', 'only list what would go').default(false))
    .action(run('runPreviewPrune'));

  for (const command of [up, down, list, prune]) add(command);
  return preview;
}

function withCommon(command: Command): Command {
  return addTargetOptions(command)
    .addOption(new Option('-c, --config <file>', 'the Slipway config to read').default(DEFAULT_CONFIG))
    .addOption(new Option('--json', 'print one JSON document on stdout').default(false));
}
