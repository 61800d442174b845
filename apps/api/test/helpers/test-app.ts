import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { ServiceConfig } from '../../src/config/service-config.js';
import { migrate } from '../../src/db/migrate.js';
import { createPool } from '../../src/db/pool.js';
import { Readiness } from '../../src/health/readiness.js';
import { buildApp } from '../../src/http/app.js';
import { LogLines } from './log-lines.js';
import { testConfig } from './test-config.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly pool: pg.Pool;
  readonly config: ServiceConfig;
  readonly readiness: Readiness;
  readonly logs: LogLines;
  close(): Promise<void>;
}

const quiet = { warn: () => undefined, info: () => undefined };

/** The app wired to a migrated test database, driven in-process with `app.inject`. */
export async function startTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { now?: () => number } = {},
): Promise<TestApp> {
  const config = testConfig(databaseUrl, { LOG_LEVEL: 'info', ...env });
  const pool = createPool(config, { logger: quiet });
  await migrate(pool, quiet);
  const readiness = new Readiness();
  const logs = new LogLines();
  const app = buildApp({
    config,
    pool,
    readiness,
    logStream: logs,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();
  return {
    app,
    pool,
    config,
    readiness,
    logs,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

/** Replaces the table's rows with `count` items whose created_at grows with the id, like the baseline seed. */
export async function seedItems(pool: pg.Pool, count: number): Promise<void> {
  await pool.query('TRUNCATE items RESTART IDENTITY');
  await pool.query(
    `INSERT INTO items (name, quantity, created_at)
     SELECT 'medication-' || g, 1 + (g * 7) % 100, now() - ($1::int - g) * interval '1 second'
     FROM generate_series(1, $1::int) AS g`,
    [count],
  );
}
