import type { SlipwayConfig } from './schema.js';

/**
 * Types a `slipway.config.ts` without changing it: `export default defineConfig({...})` gives the
 * editor the schema for completion and inline docs. Validation happens when the config is loaded.
 */
export function defineConfig(config: SlipwayConfig): SlipwayConfig {
  return config;
}
