import type { AppModel, EnvironmentModel } from '../model/types.js';
import { UnknownEnvironmentError } from '../plan/errors.js';
import { DeployUsageError } from './errors.js';

/** The model cut down to one environment (and the account-level CI stack), plus that environment. */
export interface SelectedEnvironment {
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
}

/** Keeps only `name`; an unknown name fails with the list of known ones. */
export function selectEnvironment(model: AppModel, name: string): SelectedEnvironment {
  const environment = model.environments.find((e) => e.name === name);
  if (!environment)
    throw new UnknownEnvironmentError(
      [name],
      model.environments.map((e) => e.name),
    );
  return { model: { ...model, environments: [environment] }, environment };
}

/**
 * The one environment a deploy, diff or destroy acts on, from the repeatable `--env` option. A
 * config with a single environment needs no `--env`.
 */
export function singleEnvironmentName(model: AppModel, names: readonly string[], action: string): string {
  const known = model.environments.map((e) => e.name);
  if (names.length === 1 && names[0]) return names[0];
  if (names.length === 0 && known.length === 1 && known[0]) return known[0];
  throw new DeployUsageError(
    names.length === 0
      ? `--env: ${action} acts on one environment and the config has ${known.length}. Fix: add --env <name> (one of ${known.join(', ')}).`
      : `--env: ${action} acts on one environment, got ${names.join(', ')}. Fix: run it once per environment.`,
  );
}
