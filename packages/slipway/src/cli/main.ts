import { createRequire } from 'node:module';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { AcknowledgementError } from '../checks/acknowledgement-error.js';
import { ConfigError } from '../config/errors.js';
import { ReportInputError } from '../report/errors.js';
import { UnknownEnvironmentError } from '../plan/errors.js';
import { commandsFor } from './commands/index.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';

/** The package's own version; src/cli and dist/cli sit at the same depth below package.json. */
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * Runs one `slipway` command line and resolves to its exit code, without exiting the process,
 * so tests run commands in process exactly as users do.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('slipway')
    .description('One typed slipway.config.ts → checked, costed AWS environments.')
    .version(version)
    .showHelpAfterError('(run with --help for the options)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  for (const make of await commandsFor(argv)) {
    program.addCommand(
      make(io, setExit).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }),
    );
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version end through exitOverride too; commander has already printed them.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof ConfigError && error.issues.length > 1) {
    const where = error.file ? path.relative(process.cwd(), error.file) : 'the config';
    io.err(`${pc.red('✗')} ${where} has ${error.issues.length} problems:\n`);
    io.err(`${error.message.replace(/^/gm, '  ')}\n`);
    return ExitCode.usage;
  }
  if (
    error instanceof ConfigError ||
    error instanceof UnknownEnvironmentError ||
    error instanceof AcknowledgementError ||
    error instanceof ReportInputError
  ) {
    io.err(`${pc.red('✗')} ${error.message}\n`);
    return ExitCode.usage;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`${pc.red('✗ Slipway failed unexpectedly:')} ${detail}\n`);
  return ExitCode.internal;
}
