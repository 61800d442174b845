import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_STATE_DIR } from '../../local-cloud/state-file.js';
import type { CliIo } from '../io.js';

// The command's options only: what each subcommand does is in local-run.ts, loaded when it runs.

export interface LocalOptions {
  readonly stateDir: string;
  readonly json: boolean;
}

export interface StartOptions extends LocalOptions {
  readonly port?: number;
}

/** `slipway local start|stop|status|reset`: the local AWS emulator (moto) deploys go to. */
export function localCommand(io: CliIo, setExit: (code: number) => void): Command {
  const local = new Command('local').description(
    'manage the local AWS emulator (moto on 127.0.0.1) that --target local deploys to',
  );

  const add = (command: Command) =>
    local.addCommand(
      withCommon(command).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }),
    );

  const start = new Command('start')
    .description('start the emulator in the background (a free port unless --port)')
    .addOption(new Option('-p, --port <port>', 'listen on this port of 127.0.0.1').argParser(parsePort))
    .action(async (options: StartOptions) => {
      const { runLocalStart } = await import('./local-run.js');
      await runLocalStart(options, io, setExit);
    });

  const stop = new Command('stop')
    .description('stop the emulator; everything deployed to it is gone')
    .action(async (options: LocalOptions) => {
      const { runLocalStop } = await import('./local-run.js');
      await runLocalStop(options, io);
    });

  const status = new Command('status')
    .description('whether the emulator runs, and where')
    .action(async (options: LocalOptions) => {
      const { runLocalStatus } = await import('./local-run.js');
      await runLocalStatus(options, io);
    });

  const reset = new Command('reset')
    .description('empty the emulator (every stack and resource) without restarting it')
    .action(async (options: LocalOptions) => {
      const { runLocalReset } = await import('./local-run.js');
      await runLocalReset(options, io, setExit);
    });

  for (const command of [start, stop, status, reset]) add(command);
  return local;
}

function withCommon(command: Command): Command {
  return command
    .addOption(new Option('--state-dir <dir>', 'where the emulator is recorded').default(DEFAULT_STATE_DIR))
    .addOption(new Option('--json', 'print one JSON document on stdout').default(false));
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError(
      'not a port number. Fix: use 1-65535, or leave --port out for a free one.',
    );
  }
  return port;
}
