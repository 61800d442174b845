import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** Migrations ship beside `src/` and `dist/`, so the same relative path works from either. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * Every replica takes the same advisory lock, so when several start at once one applies the
 * migrations and the others wait, then find nothing left to do. The number is arbitrary but fixed,
 * and easy to spot in pg_locks (objid) while a migration runs.
 */
export const MIGRATION_LOCK_KEY = 727_001_384;

export interface Migration {
  /** File name, e.g. `0001_create_items.sql`; also the version recorded in schema_migrations. */
  readonly version: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationResult {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

export interface MigrateLogger {
  info(obj: object, msg: string): void;
}

/** Reads `NNNN_name.sql` files in name order. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (version) => {
      const sql = await readFile(join(dir, version), 'utf8');
      return { version, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction, while holding a session advisory lock on
 * one dedicated connection. If the process dies the session ends and Postgres releases the lock,
 * so a crashed replica cannot block the others. A migration whose file changed after it was applied
 * stops the boot: editing history would leave databases that ran the old text in a different state.
 */
export async function migrate(
  pool: pg.Pool,
  logger: MigrateLogger,
  migrations?: readonly Migration[],
): Promise<MigrationResult> {
  const all = migrations ?? (await readMigrations());
  const client = await pool.connect();
  try {
    // Migrations may run longer than a request's statement_timeout, and waiting for the lock
    // while another replica migrates is expected (use a pool made with `forMigrations`).
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: string; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations',
      );
      const done = new Map(rows.map((r) => [r.version, r.checksum]));
      for (const m of all) {
        const recorded = done.get(m.version);
        if (recorded !== undefined && recorded !== m.checksum) {
          throw new Error(
            `Migration ${m.version} was changed after it was applied. Fix: restore its original text and put the change in a new migration file.`,
          );
        }
      }
      const applied: string[] = [];
      for (const m of all.filter((m) => !done.has(m.version))) {
        const started = Date.now();
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
            m.version,
            m.checksum,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${m.version} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(m.version);
        logger.info({ migration: m.version, durationMs: Date.now() - started }, 'migration applied');
      }
      return { applied, alreadyApplied: all.length - applied.length };
    } finally {
      // If the connection is gone the session, and so the lock, went with it.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    // Reset the session's statement_timeout by discarding the connection rather than reusing it.
    client.release(true);
  }
}
