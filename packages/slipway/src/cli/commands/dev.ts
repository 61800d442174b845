import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_BASE_PORT } from '../../dev/ports.js';
import { DEFAULT_STATE_DIR } from '../../local-cloud/state-file.js';
import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG } from '../shared-options.js';

// The command's options only: what it does is in dev-run.ts, loaded when it runs.

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
      const { runDevCommand } = await import('./dev-run.js');
      await runDevCommand(options, io, setExit);
    });
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
