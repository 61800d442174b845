import type { ServiceConfig } from '../config/service-config.js';
import type { PasswordSource } from '../db/iam-token.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { retryWhileUnavailable } from './startup-retry.js';

export interface MigrateAtBootLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Applies pending migrations over a dedicated connection, waiting for the database if it is still starting. */
export async function migrateAtBoot(
  config: ServiceConfig,
  log: MigrateAtBootLogger,
  passwordSource?: PasswordSource,
): Promise<void> {
  const pool = createPool(config, {
    logger: log,
    forMigrations: true,
    ...(passwordSource ? { passwordSource } : {}),
  });
  try {
    const result = await retryWhileUnavailable(() => migrate(pool, log), { log });
    log.info({ applied: result.applied, alreadyApplied: result.alreadyApplied }, 'migrations up to date');
  } finally {
    await pool.end();
  }
}
