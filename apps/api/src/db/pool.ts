import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { type ConnectionOptions, createSecureContext } from 'node:tls';
import pg from 'pg';
import type { DatabaseConfig } from '../config/database-config.js';
import type { ServiceConfig } from '../config/service-config.js';
import { type PasswordSource, rdsIamToken } from './iam-token.js';
import { isoTimestampTypes } from './iso-timestamps.js';
import { RDS_CA } from './rds-ca.js';

export interface PoolLogger {
  warn(obj: object, msg: string): void;
}

export interface CreatePoolOptions {
  readonly logger: PoolLogger;
  /** Replaces the RDS signer for IAM authentication (tests). */
  readonly passwordSource?: PasswordSource;
  /**
   * A single connection without statement or query timeouts, for migrations: they may run long, and
   * waiting for another replica's migration lock is expected.
   */
  readonly forMigrations?: boolean;
}

/** node-postgres TLS options for a libpq-style mode. */
export function sslOptions(database: DatabaseConfig): false | ConnectionOptions {
  if (database.ssl === 'disable') return false;
  if (database.ssl === 'require') return { rejectUnauthorized: false };
  const ca = trustedAuthorities(database);
  return {
    rejectUnauthorized: true,
    // SNI takes host names only; for an IP address Node checks the certificate's IP entries itself.
    ...(isIP(database.host) ? {} : { servername: database.host }),
    // Built once for the pool: parsing the RDS bundle's 120 certificates takes tens of
    // milliseconds, which every new connection would otherwise spend.
    ...(ca ? { secureContext: createSecureContext({ ca }) } : {}),
  };
}

/** The authorities `verify-full` trusts, or undefined for Node's default store. */
export function trustedAuthorities(database: DatabaseConfig): string[] | undefined {
  const files = [database.sslCaFile, database.extraCaFile].filter((f): f is string => f !== undefined);
  const pems = files.map((file) => readFileSync(file, 'utf8'));
  if (database.trustRdsCa) return [...RDS_CA, ...pems];
  return pems.length > 0 ? pems : undefined;
}

/**
 * The connection pool. It always has an error handler: a connection killed while idle (failover,
 * `pg_terminate_backend`, a network blip) is dropped and replaced on next use instead of crashing
 * the process with an unhandled 'error' event.
 */
export function createPool(config: ServiceConfig, options: CreatePoolOptions): pg.Pool {
  const { database } = config;
  const password: string | PasswordSource =
    database.auth.kind === 'password'
      ? database.auth.password
      : (options.passwordSource ?? rdsIamToken(database, database.auth.region));
  const pool = new pg.Pool({
    host: database.host,
    port: database.port,
    database: database.database,
    user: database.user,
    password,
    ssl: sslOptions(database),
    max: options.forMigrations ? 1 : config.pool.max,
    connectionTimeoutMillis: config.pool.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    ...(options.forMigrations
      ? {}
      : {
          statement_timeout: config.pool.statementTimeoutMs,
          // Postgres cancels slow queries itself; this client-side limit only catches a silent
          // network, where no cancellation can arrive. The pool then drops the connection.
          query_timeout: config.pool.statementTimeoutMs + 2_000,
        }),
    // Timestamps print in UTC whatever the server's zone, so they convert to ISO 8601 cheaply.
    options: '-c TimeZone=UTC',
    types: isoTimestampTypes,
    application_name: options.forMigrations ? 'slipway-api-migrate' : 'slipway-api',
    keepAlive: true,
  });
  pool.on('error', (error) => {
    options.logger.warn({ err: error }, 'idle database connection failed; it will be replaced');
  });
  return pool;
}
