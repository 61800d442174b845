import { availableParallelism } from 'node:os';
import { type AuthConfig, readAuthConfig } from './auth-config.js';
import { ConfigError } from './config-error.js';
import { type DatabaseConfig, readDatabaseConfig } from './database-config.js';
import { type Env, EnvReader } from './env-reader.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Everything the service reads from its environment, checked and with defaults resolved. */
export interface ServiceConfig {
  /** @default 3000 */
  readonly port: number;
  /** @default 0.0.0.0 (every interface, as a container needs) */
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly pool: {
    /** Connections per process. @default 10 */
    readonly max: number;
    /** How long a request waits to connect or to borrow a connection before a 503. @default 5000 */
    readonly connectTimeoutMs: number;
    /** Postgres `statement_timeout`: a slower query is cancelled and answered with a 504. @default 5000 */
    readonly statementTimeoutMs: number;
  };
  readonly http: {
    /** Largest accepted request body; larger ones get a 413. @default 16384 */
    readonly bodyLimitBytes: number;
    /** Idle keep-alive time; above the ALB's 60 s idle timeout so the ALB closes first. @default 65000 */
    readonly keepAliveTimeoutMs: number;
    /** Proxies in front whose X-Forwarded-For is trusted (1 behind an ALB). @default 0 */
    readonly trustProxyHops: number;
  };
  /** Requests per client address per window; undefined when RATE_LIMIT_MAX=0. */
  readonly rateLimit?: { readonly max: number; readonly windowMs: number };
  readonly shutdown: {
    /** After SIGTERM, keep serving (readiness 503) this long so load balancers stop sending. @default 3000 */
    readonly delayMs: number;
    /** Exit 1 if draining takes longer than this; keep it under the orchestrator's stop timeout. @default 25000 */
    readonly timeoutMs: number;
  };
  /** @default info */
  readonly logLevel: LogLevel;
  /** Worker processes (node cluster); 1 runs everything in one process. @default 1 */
  readonly workers: number;
  /** Apply pending migrations at boot, under an advisory lock. @default true */
  readonly migrateOnStart: boolean;
  /** Access tokens required on the write routes; undefined leaves every route open. */
  readonly auth?: AuthConfig;
}

/** Reads and checks the whole configuration; throws a ConfigError listing every problem. */
export function loadConfig(env: Env): ServiceConfig {
  const reader = new EnvReader(env);
  const database = readDatabaseConfig(reader);
  const auth = readAuthConfig(reader);
  const keepAliveTimeoutMs = reader.integer('KEEP_ALIVE_TIMEOUT_MS', 65_000, { min: 1_000, max: 600_000 });
  const rateLimitMax = reader.integer('RATE_LIMIT_MAX', 600, { min: 0 });
  const rateLimitWindowMs = reader.integer('RATE_LIMIT_WINDOW_MS', 60_000, { min: 1_000, max: 3_600_000 });
  const webConcurrency = reader.string('WEB_CONCURRENCY');
  const workers =
    webConcurrency === 'auto'
      ? availableParallelism()
      : reader.integer('WEB_CONCURRENCY', 1, { min: 1, max: 64 });

  const config = {
    port: reader.integer('PORT', 3000, { min: 0, max: 65_535 }),
    host: reader.string('HOST') ?? '0.0.0.0',
    pool: {
      max: reader.integer('DATABASE_POOL_MAX', 10, { min: 1, max: 1_000 }),
      connectTimeoutMs: reader.integer('DATABASE_CONNECT_TIMEOUT_MS', 5_000, { min: 100, max: 120_000 }),
      statementTimeoutMs: reader.integer('DATABASE_STATEMENT_TIMEOUT_MS', 5_000, { min: 10, max: 3_600_000 }),
    },
    http: {
      bodyLimitBytes: reader.integer('BODY_LIMIT_BYTES', 16_384, { min: 64, max: 10_485_760 }),
      keepAliveTimeoutMs,
      trustProxyHops: reader.integer('TRUST_PROXY_HOPS', 0, { min: 0, max: 10 }),
    },
    ...(rateLimitMax > 0 ? { rateLimit: { max: rateLimitMax, windowMs: rateLimitWindowMs } } : {}),
    shutdown: {
      delayMs: reader.integer('SHUTDOWN_DELAY_MS', 3_000, { min: 0, max: 600_000 }),
      timeoutMs: reader.integer('SHUTDOWN_TIMEOUT_MS', 25_000, { min: 100, max: 3_600_000 }),
    },
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    workers,
    migrateOnStart: reader.boolean('MIGRATE_ON_START', true),
    ...(auth ? { auth } : {}),
  };

  if (config.shutdown.delayMs >= config.shutdown.timeoutMs) {
    reader.problem(
      `SHUTDOWN_DELAY_MS (${config.shutdown.delayMs}) is not below SHUTDOWN_TIMEOUT_MS (${config.shutdown.timeoutMs}), so every stop would time out. Fix: lower the delay or raise the timeout.`,
    );
  }
  if (reader.problems.length > 0 || !database) throw new ConfigError(reader.problems);
  return { ...config, database };
}
