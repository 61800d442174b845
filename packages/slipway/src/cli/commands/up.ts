import { Command, Option } from 'commander';
import { DEFAULT_BASE_PORT } from '../../dev/ports.js';
import { DEFAULT_STATE_DIR } from '../../local-cloud/state-file.js';
import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG, DEFAULT_OUT } from '../shared-options.js';

// The command's options only: what it does is in up-run.ts, loaded when it runs.

export interface UpCommandOptions {
  readonly config: string;
  readonly env?: string;
  readonly port: number;
  readonly out: string;
  readonly stateDir: string;
  readonly keepCloud: boolean;
  readonly dataDir?: string;
}

/**
 * `slipway up`: the whole path on this machine with no account. Plans an environment (findings
 * and cost), deploys it to the local emulator, then runs its services against an embedded
 * PostgreSQL until Ctrl-C, and stops the emulator it started.
 */
export function upCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('up')
    .description(
      'plan an environment, deploy it to the local AWS emulator and run its services here, until Ctrl-C',
    )
    .addOption(new Option('-c, --config <file>', 'the Slipway config to read').default(DEFAULT_CONFIG))
    .addOption(
      new Option('-e, --env <name>', 'the environment to bring up').default(
        undefined,
        'the first non-production one',
      ),
    )
    .addOption(
      new Option('-p, --port <base>', 'port of the first local service; the rest follow')
        .argParser((value) => Number(value))
        .default(DEFAULT_BASE_PORT),
    )
    .addOption(new Option('-o, --out <dir>', 'where the templates are written').default(DEFAULT_OUT))
    .addOption(
      new Option('--data-dir <dir>', 'where the embedded databases keep their data').default(
        undefined,
        '.slipway/dev/<env> beside the config',
      ),
    )
    .addOption(
      new Option('--state-dir <dir>', 'where the emulator keeps its state').default(DEFAULT_STATE_DIR),
    )
    .addOption(
      new Option(
        '--keep-cloud',
        'leave the emulator running after Ctrl-C (slipway local stop ends it)',
      ).default(false),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 stopped with Ctrl-C, 1 unacknowledged error findings or a service failed, 2 config or usage error, 4 a stack failed.',
    )
    .action(async (options: UpCommandOptions) => {
      const { runUpCommand } = await import('./up-run.js');
      await runUpCommand(options, io, setExit);
    });
}
