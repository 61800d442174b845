// Public API of the kit. Internals stay behind this file.

export { defineConfig } from './config/define-config.js';
export { ConfigError, type ConfigIssue } from './config/errors.js';
export { loadConfig } from './config/load.js';
export { resolveConfig } from './config/resolve.js';
export type {
  AcknowledgementConfig,
  CiConfig,
  DatabaseConfig,
  DatabaseOverrideConfig,
  DeploymentConfig,
  DomainConfig,
  EnvironmentConfig,
  GithubConfig,
  NetworkConfig,
  ScalingConfig,
  SecretConfig,
  ServiceConfig,
  ServiceOverrideConfig,
  SlipwayConfig,
  UsageConfig,
} from './config/schema.js';
export type * from './model/types.js';
export type * from './plan/types.js';
