// What a slipway.config.ts imports: defineConfig and the config and model types. Kept light on
// purpose, since every command loads the config through it; the rest of the kit is in `slipway/kit`.

export { defineConfig } from './config/define-config.js';
export { ConfigError, type ConfigIssue } from './config/errors.js';
export { loadConfig } from './config/load.js';
export { resolveConfig } from './config/resolve.js';
export type {
  AcknowledgementConfig,
  CiConfig,
  DatabaseConfig,
  DatabaseOverrideConfig,
  DeliveryConfig,
  DeploymentConfig,
  DomainConfig,
  EnvironmentConfig,
  GithubConfig,
  NetworkConfig,
  ScalingConfig,
  SecretConfig,
  ServiceConfig,
  ServiceDevConfig,
  ServiceOverrideConfig,
  SlipwayConfig,
  SourceConfig,
  UsageConfig,
} from './config/schema.js';
export type * from './model/types.js';
export type * from './plan/types.js';
export type * from './template/types.js';
export type * from './checks/finding.js';
export type * from './cost/cost-item.js';
