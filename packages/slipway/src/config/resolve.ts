import type { AppModel } from '../model/types.js';
import { ConfigError } from './errors.js';
import { resolveCi } from './resolve/ci.js';
import { resolveDelivery } from './resolve/delivery.js';
import { resolveGithub, resolveGitlab } from './resolve/repository-host.js';
import { githubEnvironmentOf, resolveEnvironment } from './resolve/environment.js';
import { type SlipwayConfig, slipwayConfigSchema } from './schema.js';
import { validateConfig } from './validate/index.js';
import { fromZodIssues } from './zod-issues.js';

export interface ResolveOptions {
  /** Folder the config's relative paths (function entries) start from. @default the working directory */
  readonly configDir?: string;
}

/**
 * Turns a config into the resolved model: checks its shape, fills every default (production
 * gets the safe ones), applies per-environment overrides, derives names, then runs every semantic
 * check. No network; the only files it looks at are the
 * functions' entries, to say when one is missing. Throws one `ConfigError` listing every issue found.
 */
export function resolveConfig(config: SlipwayConfig, options: ResolveOptions = {}): AppModel {
  const parsed = slipwayConfigSchema.safeParse(config, { reportInput: true });
  if (!parsed.success) throw new ConfigError(fromZodIssues(parsed.error.issues, slipwayConfigSchema));
  const configDir = options.configDir ?? process.cwd();
  const model = buildModel(parsed.data, configDir);
  const issues = validateConfig(parsed.data, model);
  if (issues.length > 0) throw new ConfigError(issues);
  return model;
}

/** The model before validation; `resolveConfig` checks it before anyone else sees it. */
function buildModel(config: SlipwayConfig, configDir: string): AppModel {
  const entries = Object.entries(config.environments);
  const environments = entries.map(([name, env]) => resolveEnvironment(config, name, env, configDir));
  const githubEnvironments = Object.fromEntries(
    entries.map(([name, env]) => [name, githubEnvironmentOf(name, env)]),
  );
  const sources = Object.fromEntries(
    Object.entries(config.services ?? {}).map(([name, service]) => [name, service.source]),
  );
  const delivery = resolveDelivery(config.delivery, sources, environments);
  return {
    app: config.app,
    ...(config.github === undefined ? {} : { github: resolveGithub(config.github) }),
    ...(config.gitlab === undefined ? {} : { gitlab: resolveGitlab(config.gitlab) }),
    ci: resolveCi(config.app, config.ci, environments, githubEnvironments),
    environments,
    acknowledgements: (config.acknowledgements ?? []).map((ack) => ({
      rule: ack.rule,
      ...(ack.stack === undefined ? {} : { stack: ack.stack }),
      ...(ack.resource === undefined ? {} : { resource: ack.resource }),
      reason: ack.reason,
    })),
    delivery,
    checks: { controlTower: config.checks?.controlTower ?? true },
  };
}
