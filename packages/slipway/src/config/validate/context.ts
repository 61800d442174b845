/**
 * What every validator receives: the parsed config (to name the path a value was written at)
 * and the resolved model (to check the values that will actually be used).
 */
import type { AppModel, EnvironmentModel, ServiceModel } from '../../model/types.js';
import { type ConfigIssue, joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';

export interface ValidationContext {
  readonly config: SlipwayConfig;
  readonly model: AppModel;
}

export type Validator = (ctx: ValidationContext) => ConfigIssue[];

/**
 * Where a resolved service field came from: the environment's override when it sets the field's
 * first key, otherwise the top-level service (also when the value is a default, since that is
 * where the user would set it).
 */
export function servicePath(config: SlipwayConfig, env: string, service: string, ...field: string[]): string {
  const override = config.environments[env]?.services?.[service] as Record<string, unknown> | undefined;
  const key = field[0];
  if (override !== undefined && key !== undefined && override[key] !== undefined) {
    return joinPath('environments', env, 'services', service, ...field);
  }
  return joinPath('services', service, ...field);
}

/** Where a resolved database field came from; see `servicePath`. */
export function databasePath(config: SlipwayConfig, env: string, database: string, field: string): string {
  const override = config.environments[env]?.databases?.[database] as Record<string, unknown> | undefined;
  if (override !== undefined && override[field] !== undefined) {
    return joinPath('environments', env, 'databases', database, field);
  }
  return joinPath('databases', database, field);
}

/** Calls `visit` for every service in every environment. */
export function eachService(
  model: AppModel,
  visit: (env: EnvironmentModel, service: ServiceModel) => ConfigIssue[],
): ConfigIssue[] {
  return model.environments.flatMap((env) => env.services.flatMap((service) => visit(env, service)));
}

/** `production environment 'prod'` or `environment 'dev'`, for messages. */
export function describeEnvironment(env: EnvironmentModel): string {
  return env.production ? `production environment '${env.name}'` : `environment '${env.name}'`;
}
