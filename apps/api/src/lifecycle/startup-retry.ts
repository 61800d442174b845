import { setTimeout as sleep } from 'node:timers/promises';
import { classifyDatabaseError } from '../db/database-errors.js';
import type { BootLog } from './boot-log.js';

export interface StartupRetryOptions {
  readonly log: Pick<BootLog, 'warn'>;
  /** Give up after this long. @default 30000 */
  readonly timeoutMs?: number;
}

/**
 * Retries a boot step while the database is unreachable: containers and their database often start
 * together (docker compose, `slipway dev`, a fresh RDS instance), and waiting a little beats a crash
 * loop. Any other error (a failing migration, a missing table) fails at once.
 */
export async function retryWhileUnavailable<T>(
  step: () => Promise<T>,
  { log, timeoutMs = 30_000 }: StartupRetryOptions,
): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (let attempt = 1, waitMs = 250; ; attempt += 1, waitMs = Math.min(waitMs * 2, 4_000)) {
    try {
      return await step();
    } catch (error) {
      if (classifyDatabaseError(error) !== 'unavailable' || Date.now() + waitMs > giveUpAt) throw error;
      log.warn({ attempt, waitMs, err: error }, 'database not reachable yet; retrying');
      await sleep(waitMs);
    }
  }
}
