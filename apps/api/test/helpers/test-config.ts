import { loadConfig, type ServiceConfig } from '../../src/config/service-config.js';

/** A valid configuration for a test database, with quick shutdown and any overrides applied. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): ServiceConfig {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    SHUTDOWN_DELAY_MS: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
}
