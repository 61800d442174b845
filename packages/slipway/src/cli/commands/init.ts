import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG } from '../shared-options.js';

// The command's options only: what it does is in init-run.ts, loaded when it runs.

export interface InitCommandOptions {
  readonly config: string;
  readonly dir: string;
  readonly app?: string;
  readonly force: boolean;
  readonly json: boolean;
}

/** `slipway init`: a config and workflows for an existing repository, from its Dockerfiles. */
export function initCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('init')
    .description('scaffold slipway.config.ts and the workflows from the Dockerfiles of this repository')
    .addOption(
      new Option('-c, --config <file>', 'the config to write, relative to --dir').default(DEFAULT_CONFIG),
    )
    .addOption(new Option('-d, --dir <path>', 'the repository root').default('.'))
    .addOption(new Option('--app <name>', 'app name (default: the repository name)'))
    .addOption(new Option('--force', 'replace an existing config and same-named workflows').default(false))
    .addOption(
      new Option('--json', 'print one JSON document on stdout instead of the summary').default(false),
    )
    .action(async (options: InitCommandOptions) => {
      const { runInitCommand } = await import('./init-run.js');
      runInitCommand(options, io, setExit);
    });
}
