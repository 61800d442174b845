import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { consoleReporter } from '../../dev/console-reporter.js';
import { DevCancelledError, DevError, ServiceStartError } from '../../dev/dev-error.js';
import { DEFAULT_BASE_PORT } from '../../dev/ports.js';
import { LocalCloudError } from '../../local-cloud/errors.js';
import { DEFAULT_STATE_DIR } from '../../local-cloud/state-file.js';
import { type DevSession, startDev } from '../../dev/start-dev.js';
import type { AppModel } from '../../model/types.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG, resolveConfigPath } from '../shared-options.js';

export interface DevCommandOptions {
  readonly config: string;
  readonly env?: string;
  readonly databaseUrl?: string;
  readonly port: number;
  readonly dataDir?: string;
  /** The emulator's state folder: its running emulator is reused for the tables, or one is started. */
  readonly stateDir?: string;
  /** The emulator `slipway up` deployed to, whose tables are used as deployed. */
  readonly localCloud?: { readonly endpoint: string };
  /** Print one line per span the services export, from a local OTLP receiver. */
  readonly printSpans?: boolean;
}

/**
 * A second signal this soon after the first is the same keypress: `npm run` and `npx` pass the
 * terminal's Ctrl-C on to Slipway, which also gets it from the terminal.
 */
const SAME_PRESS_MS = 500;

/**
 * `slipway dev`: runs the config's services on this machine with the variables they get in the
 * cloud, against an embedded PostgreSQL or `--database-url`, until Ctrl-C.
 */
export function devCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('dev')
    .description(
      'run the services locally with their cloud settings, on an embedded PostgreSQL, until Ctrl-C',
    )
    .addOption(new Option('-c, --config <file>', 'the Slipway config to read').default(DEFAULT_CONFIG))
    .addOption(
      new Option('-e, --env <name>', 'the environment whose settings the services get').default(
        undefined,
        'the first non-production one',
      ),
    )
    .addOption(
      new Option('--database-url <url>', 'use this PostgreSQL instead of the embedded one').default(
        undefined,
        'embedded PGlite',
      ),
    )
    .addOption(
      new Option(
        '-p, --port <base>',
        'port of the first service; the rest follow in config order; 0 = free ports',
      )
        .argParser(parsePort)
        .default(DEFAULT_BASE_PORT),
    )
    .addOption(
      new Option('--data-dir <dir>', 'where the embedded databases keep their data').default(
        undefined,
        '.slipway/dev/<env> beside the config',
      ),
    )
    .addOption(
      new Option(
        '--state-dir <dir>',
        'where the local AWS emulator keeps its state (for DynamoDB tables and streams)',
      ).default(DEFAULT_STATE_DIR),
    )
    .addOption(
      new Option(
        '--print-spans',
        "print one line per span the services' OpenTelemetry SDKs export (they get a local OTLP/JSON endpoint)",
      ),
    )
    .addHelpText(
      'after',
      [
        '',
        "Services need a dev command in the config: services.<name>.dev: { command: 'npm run dev' }.",
        'OTEL_EXPORTER_OTLP_ENDPOINT, when set, is passed to the services so their traces reach your collector.',
        'Secret values come from .slipway/secrets.<env>.json beside the config, or SLIPWAY_SECRET_<NAME>.',
        'Exit codes: 0 stopped with Ctrl-C, 1 a service exited or never became healthy, 2 config or usage error.',
      ].join('\n'),
    )
    .action(async (options: DevCommandOptions) => {
      const configFile = resolveConfigPath(options.config);
      const model = await loadConfig(configFile);
      setExit(await runDev(io, model, configFile, options));
    });
}

export async function runDev(
  io: CliIo,
  model: AppModel,
  configFile: string,
  options: DevCommandOptions,
): Promise<number> {
  const controller = new AbortController();
  let session: DevSession | undefined;
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstSignalAt === 0) {
      firstSignalAt = now;
      controller.abort();
      void session?.stop({ reason: signal === 'SIGINT' ? 'Ctrl-C' : signal });
    } else if (now - firstSignalAt > SAME_PRESS_MS) {
      void session?.stop({ force: true, reason: 'killed' });
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    session = await startDev(model, {
      configDir: path.dirname(configFile),
      ...(options.env === undefined ? {} : { environment: options.env }),
      ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
      basePort: options.port,
      ...(options.dataDir === undefined ? {} : { dataDir: path.resolve(options.dataDir) }),
      ...(options.stateDir === undefined ? {} : { stateDir: options.stateDir }),
      ...(options.localCloud === undefined ? {} : { localCloud: options.localCloud }),
      ...(options.printSpans === true ? { printSpans: true } : {}),
      reporter: consoleReporter(io),
      signal: controller.signal,
    });
    // A signal that arrived in the last moment of starting found no session to stop yet.
    if (controller.signal.aborted) void session.stop({ reason: 'Ctrl-C' });
    const finish = await session.finished;
    if (finish.reason === 'service-exited') {
      const how = finish.code === null ? `was ended by ${finish.signal}` : `exited with code ${finish.code}`;
      io.err(`${pc.red('✗')} ${finish.service} ${how}, so everything was stopped. Its output is above.\n`);
      return ExitCode.findings;
    }
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof DevCancelledError) return ExitCode.ok;
    if (error instanceof ServiceStartError) {
      io.err(`${pc.red('✗')} ${error.message}\n`);
      return ExitCode.findings;
    }
    if (error instanceof DevError) {
      io.err(`${pc.red('✗')} ${error.message}\n`);
      return ExitCode.usage;
    }
    // The environment has tables and the emulator for them could not be started (no moto, a busy port).
    if (error instanceof LocalCloudError) {
      io.err(`${pc.red('✗')} ${error.message}\n`);
      return ExitCode.usage;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new InvalidArgumentError(
      `'${value}' is not a port. Fix: pass a number from 1024 to 65535, or 0 for free ports.`,
    );
  }
  return port;
}
