import { Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { EMULATOR_LIMITS } from '../../local-cloud/emulator-limits.js';
import {
  localCloudStatus,
  resetLocalCloud,
  startLocalCloud,
  stopLocalCloud,
} from '../../local-cloud/launcher.js';
import { DEFAULT_STATE_DIR } from '../../local-cloud/state-file.js';
import type { CliIo } from '../io.js';
import { reportingErrors } from './deploy.js';

interface LocalOptions {
  readonly stateDir: string;
  readonly json: boolean;
}

interface StartOptions extends LocalOptions {
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
      await reportingErrors(io, setExit, async () => {
        const cloud = await startLocalCloud({ stateDir: options.stateDir, port: options.port });
        if (options.json) {
          io.out(
            `${JSON.stringify({ running: true, endpoint: cloud.endpoint, started: cloud.started }, null, 2)}\n`,
          );
          return;
        }
        io.out(
          `${cloud.started ? pc.green(`✓ Local emulator started on ${cloud.endpoint}`) : `Local emulator already running on ${cloud.endpoint}`} ` +
            `(moto ${cloud.motoVersion}, pid ${cloud.pid}).\n` +
            `Deploy to it with \`slipway deploy --target local --env <env>\`; stop it with \`slipway local stop\`.\n` +
            `It records resources but runs nothing: ${EMULATOR_LIMITS.join('; ')}.\n`,
        );
      });
    });

  const stop = new Command('stop')
    .description('stop the emulator; everything deployed to it is gone')
    .action(async (options: LocalOptions) => {
      const stopped = await stopLocalCloud({ stateDir: options.stateDir });
      if (options.json) io.out(`${JSON.stringify({ running: false, stopped }, null, 2)}\n`);
      else io.out(stopped ? 'Local emulator stopped.\n' : 'The local emulator was not running.\n');
    });

  const status = new Command('status')
    .description('whether the emulator runs, and where')
    .action(async (options: LocalOptions) => {
      const current = await localCloudStatus({ stateDir: options.stateDir });
      if (options.json) {
        io.out(
          `${JSON.stringify({ running: current.running, endpoint: current.endpoint ?? null }, null, 2)}\n`,
        );
      } else {
        io.out(
          current.running
            ? `Local emulator running on ${current.endpoint} (moto ${current.motoVersion}, pid ${current.pid}).\n`
            : 'The local emulator is not running. Start it with `slipway local start`.\n',
        );
      }
    });

  const reset = new Command('reset')
    .description('empty the emulator (every stack and resource) without restarting it')
    .action(async (options: LocalOptions) => {
      await reportingErrors(io, setExit, async () => {
        await resetLocalCloud({ stateDir: options.stateDir });
        io.out(options.json ? `${JSON.stringify({ reset: true })}\n` : 'Local emulator emptied.\n');
      });
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
