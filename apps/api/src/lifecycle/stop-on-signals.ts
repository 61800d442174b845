import type { BootLog } from './boot-log.js';

export interface StopOnSignalsOptions {
  /** Drains the service; resolves once the server and pool are closed. */
  readonly stop: () => Promise<void>;
  /** Exit 1 if stopping takes longer, before the orchestrator's SIGKILL would. */
  readonly timeoutMs: number;
  readonly log: Pick<BootLog, 'info' | 'error'>;
  /** Also stop when the cluster primary goes away (a worker's IPC channel closes). */
  readonly onDisconnect?: boolean;
}

/**
 * SIGTERM (ECS, Kubernetes, docker stop) and SIGINT (Ctrl-C) both drain, then exit 0. A second
 * signal while draining changes nothing: the deadline, not impatience, decides when to give up.
 */
export function stopOnSignals({ stop, timeoutMs, log, onDisconnect }: StopOnSignalsOptions): void {
  let stopping = false;
  const begin = (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason, timeoutMs }, 'stopping');
    const deadline = setTimeout(() => {
      log.error({ timeoutMs }, 'drain did not finish in time; exiting with requests still open');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    stop().then(
      () => {
        log.info({}, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => begin('SIGTERM'));
  process.on('SIGINT', () => begin('SIGINT'));
  if (onDisconnect) process.on('disconnect', () => begin('cluster primary disconnected'));
}
