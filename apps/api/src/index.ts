/** The service as a library: for tests and for tools that embed it instead of spawning `dist/server.js`. */
export {
  type ClientCredentialsOptions,
  ClientCredentialsTokens,
  TokenRequestError,
} from './auth/client-credentials.js';
export type { AuthConfig } from './config/auth-config.js';
export { ConfigError } from './config/config-error.js';
export type { DatabaseConfig, SslMode } from './config/database-config.js';
export { loadConfig, type ServiceConfig } from './config/service-config.js';
export { cachedToken, type PasswordSource } from './db/iam-token.js';
export { migrate, readMigrations } from './db/migrate.js';
export { buildApp } from './http/app.js';
export { type RunningService, startService } from './service.js';
