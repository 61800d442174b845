import path from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { consoleReporter } from '../../dev/console-reporter.js';
import { DevCancelledError, DevError, ServiceStartError } from '../../dev/dev-error.js';
import { LocalCloudError } from '../../local-cloud/errors.js';
import { type DevSession, startDev } from '../../dev/start-dev.js';
import type { AppModel } from '../../model/types.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { resolveConfigPath } from '../shared-options.js';
import type { DevCommandOptions } from './dev.js';

/**
 * A second signal this soon after the first is the same keypress: `npm run` and `npx` pass the
 * terminal's Ctrl-C on to Slipway, which also gets it from the terminal.
 */
const SAME_PRESS_MS = 500;

/** What `slipway dev` does; loaded only when it runs, since it starts servers and databases. */
export async function runDevCommand(
  options: DevCommandOptions,
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  const configFile = resolveConfigPath(options.config);
  const model = await loadConfig(configFile);
  setExit(await runDev(io, model, configFile, options));
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
