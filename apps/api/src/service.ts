import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { ServiceConfig } from './config/service-config.js';
import type { PasswordSource } from './db/iam-token.js';
import { createPool } from './db/pool.js';
import { Readiness } from './health/readiness.js';
import { buildApp } from './http/app.js';
import type { LoggerOptions } from './http/logger-options.js';
import { drain } from './lifecycle/drain.js';
import { migrateAtBoot } from './lifecycle/migrate-at-boot.js';
import type { Telemetry } from './telemetry/telemetry.js';

export interface StartOptions {
  /** Where log lines go. @default stdout */
  readonly logStream?: LoggerOptions['stream'];
  /** Replaces the RDS signer for IAM authentication (tests). */
  readonly passwordSource?: PasswordSource;
  /** Overrides `config.migrateOnStart` (a cluster primary migrates once before forking). */
  readonly migrate?: boolean;
  /** The OpenTelemetry SDK, started before fastify and pg were loaded. @default none (tracing off) */
  readonly telemetry?: Telemetry;
}

export interface RunningService {
  readonly app: FastifyInstance;
  readonly pool: pg.Pool;
  readonly readiness: Readiness;
  /** The address actually bound (PORT=0 picks a free port). */
  readonly url: string;
  /** Drains and stops: readiness 503, then the listener, then the pool. */
  stop(): Promise<void>;
}

/** Where `verify-full` takes its certificate authorities from, for the boot log. */
function trustedSources(database: ServiceConfig['database']): string[] {
  const sources = database.trustRdsCa ? ['bundled RDS certificates'] : [];
  if (database.sslCaFile) sources.push(`DATABASE_SSL_CA ${database.sslCaFile}`);
  if (database.extraCaFile) sources.push(`NODE_EXTRA_CA_CERTS ${database.extraCaFile}`);
  // Without an explicit list Node's default store applies, NODE_EXTRA_CA_CERTS included.
  return sources.length > 0 ? sources : ['system store'];
}

/** Connects, migrates (under the advisory lock), and starts listening. */
export async function startService(
  config: ServiceConfig,
  options: StartOptions = {},
): Promise<RunningService> {
  const readiness = new Readiness();
  // The pool exists before the app whose logger reports its connection errors.
  const holder: { app?: FastifyInstance } = {};
  const pool = createPool(config, {
    logger: { warn: (obj, msg) => holder.app?.log.warn(obj, msg) },
    ...(options.passwordSource ? { passwordSource: options.passwordSource } : {}),
  });
  const app = buildApp({
    config,
    pool,
    readiness,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.telemetry ? { telemetry: options.telemetry } : {}),
  });
  holder.app = app;
  const { database } = config;
  app.log.info(
    {
      database: {
        source: database.source,
        host: database.host,
        port: database.port,
        name: database.database,
        user: database.user,
        auth: database.auth.kind,
        ssl: database.ssl,
        ...(database.ssl === 'verify-full' ? { sslTrusts: trustedSources(database) } : {}),
      },
      pool: config.pool,
      http: config.http,
      rateLimit: config.rateLimit ?? 'off',
      auth: config.auth ?? 'off',
      tracing: options.telemetry ? { endpoint: options.telemetry.endpoint } : 'off',
    },
    'starting',
  );
  for (const warning of database.warnings) app.log.warn({ database: { host: database.host } }, warning);
  try {
    if (options.migrate ?? config.migrateOnStart)
      await migrateAtBoot(config, app.log, options.passwordSource);
    const url = await app.listen({ port: config.port, host: config.host });
    let stopping: Promise<void> | undefined;
    return {
      app,
      pool,
      readiness,
      url,
      stop: () => {
        stopping ??= drain({ app, pool, readiness, delayMs: config.shutdown.delayMs });
        return stopping;
      },
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }
}
