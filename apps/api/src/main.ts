import cluster from 'node:cluster';
import { ConfigError } from './config/config-error.js';
import { loadConfig, type ServiceConfig } from './config/service-config.js';
import { bootLog } from './lifecycle/boot-log.js';
import { runPrimary } from './lifecycle/cluster-primary.js';
import { stopOnSignals } from './lifecycle/stop-on-signals.js';
import { startService } from './service.js';
import type { Telemetry } from './telemetry/telemetry.js';

/** Exit code for a configuration error (sysexits EX_CONFIG), distinct from a crash. */
const EXIT_CONFIG = 78;

const log = bootLog();

function readConfig(): ServiceConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.fatal({ problems: error.problems }, error.message);
    process.exit(EXIT_CONFIG);
  }
}

/** The service's process: a cluster primary forking workers, or one serving process. */
export async function main(telemetry: Telemetry | undefined): Promise<void> {
  const config = readConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    await runPrimary(config, log);
    return;
  }
  // A cluster worker leaves migrations to the primary, which ran them before forking.
  const service = await startService(config, {
    ...(cluster.isWorker ? { migrate: false } : {}),
    ...(telemetry ? { telemetry } : {}),
  });
  stopOnSignals({
    stop: async () => {
      await service.stop();
      // After the drain, so the spans of the last requests are exported too.
      await telemetry?.shutdown();
    },
    timeoutMs: config.shutdown.timeoutMs,
    log: { info: (f, m) => service.app.log.info(f, m), error: (f, m) => service.app.log.error(f, m) },
    onDisconnect: cluster.isWorker,
  });
}

export function reportStartFailure(error: unknown): never {
  log.fatal({ err: error }, 'the service could not start');
  process.exit(1);
}
