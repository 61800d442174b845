import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { addConfigOptions, type ConfigOptions, repeatable } from '../shared-options.js';

// The command's options only: what it does is in manifests-run.ts, loaded when it runs.

export interface ManifestsOptions extends ConfigOptions {
  readonly root: string;
  readonly imageTag: string[];
  readonly check: boolean;
}

/**
 * `slipway manifests`: writes each EKS environment's GitOps folder (`<gitopsPath>/<env>/`) into the
 * repository, for Argo CD to sync. The workflows run it with `--image-tag` to roll a new image
 * out by commit; `--check` only compares, for pull requests.
 */
export function manifestsCommand(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('manifests')
    .description("write the Kubernetes objects of every EKS environment into the repository's GitOps folder")
    .addOption(new Option('--root <dir>', 'the repository root the GitOps folder is under').default('.'))
    .addOption(
      new Option(
        '--image-tag <[service=]tag>',
        'image tag to write for every service, or for one (repeat for several); otherwise the tags the folder already has',
      )
        .argParser(repeatable)
        .default([]),
    )
    .addOption(
      new Option('--check', 'write nothing; exit 1 when the folder differs from the config').default(false),
    )
    .addHelpText(
      'after',
      '\nImage tags already in the folder are kept (delivery owns them) unless --image-tag names new ones.' +
        '\nExit codes: 0 written or up to date, 1 error findings in the objects or (--check) the folder differs, 2 config or usage error.',
    );
  addConfigOptions(command).action(async (options: ManifestsOptions) => {
    const { runManifestsCommand } = await import('./manifests-run.js');
    await runManifestsCommand(options, io, setExit);
  });
  return command;
}
