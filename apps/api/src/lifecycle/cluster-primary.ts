import cluster, { type Worker } from 'node:cluster';
import type { ServiceConfig } from '../config/service-config.js';
import type { BootLog } from './boot-log.js';
import { migrateAtBoot } from './migrate-at-boot.js';

/** More worker crashes than this within the window means something is wrong at boot: give up. */
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 60_000;

/**
 * The cluster primary (WEB_CONCURRENCY > 1): applies migrations once, forks the workers, replaces
 * a worker that crashes, and on SIGTERM passes the signal on and waits for every worker to drain.
 * It serves nothing itself; the workers share the listening socket through the cluster module.
 */
export async function runPrimary(config: ServiceConfig, log: BootLog): Promise<void> {
  if (config.migrateOnStart) await migrateAtBoot(config, log);

  let stopping = false;
  const crashes: number[] = [];
  const fork = (): Worker => cluster.fork();

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > CRASH_LIMIT) {
      log.fatal({ crashes: crashes.length, windowMs: CRASH_WINDOW_MS }, 'workers keep crashing; exiting');
      process.exit(1);
    }
    log.error(
      { workerPid: worker.process.pid, code, signal },
      'worker exited unexpectedly; starting another',
    );
    fork();
  });

  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'stopping workers');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    // One second of slack over the workers' own deadline, so they report their own failure first.
    const deadline = setTimeout(() => {
      log.error({}, 'workers did not stop in time; killing them');
      for (const w of workers) w.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdown.timeoutMs + 1_000);
    deadline.unref();
    let failed = false;
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const w of workers) {
      w.on('exit', (code) => {
        if (code !== 0) failed = true;
        left -= 1;
        if (left === 0) {
          log.info({ failed }, 'all workers stopped');
          process.exit(failed ? 1 : 0);
        }
      });
      w.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  log.info({ workers: config.workers }, 'starting workers');
  for (let i = 0; i < config.workers; i += 1) fork();
}
