import type { AppModel, EnvironmentModel, ServiceDevModel, ServiceModel } from '../model/types.js';
import { UnknownEnvironmentError } from '../plan/errors.js';
import { DevError } from './dev-error.js';

/** A service `slipway dev` can start: one with a `dev` command. */
export type LocalService = ServiceModel & { readonly dev: ServiceDevModel };

export interface LocalServices {
  /** Services to start, in config order. */
  readonly run: readonly LocalService[];
  /** Services without a `dev` command, each with the note to print. */
  readonly skipped: readonly { readonly service: string; readonly reason: string }[];
}

/**
 * The environment a local run takes its variables from: the one named, else the first that is
 * not production (a laptop should not default to production's settings), else the first.
 */
export function chooseEnvironment(model: AppModel, name?: string): EnvironmentModel {
  const known = model.environments.map((e) => e.name);
  if (name !== undefined) {
    const env = model.environments.find((e) => e.name === name);
    if (!env) throw new UnknownEnvironmentError([name], known);
    return env;
  }
  const env = model.environments.find((e) => !e.production) ?? model.environments[0];
  if (!env) throw new UnknownEnvironmentError(['(none)'], known);
  return env;
}

/** Splits the environment's services into those with a dev command and those without. */
export function localServices(env: EnvironmentModel): LocalServices {
  const run = env.services.filter((s): s is LocalService => s.dev !== undefined);
  const skipped = env.services
    .filter((s) => s.dev === undefined)
    .map((s) => ({
      service: s.name,
      reason: `services.${s.name} has no dev command, so it does not run locally. To run it, add services.${s.name}.dev: { command: '…' }`,
    }));
  if (run.length === 0) {
    const names = env.services.map((s) => s.name);
    throw new DevError(
      names.length === 0
        ? `the config declares no services, so there is nothing to run`
        : `no service has a dev command (${names.join(', ')}), so there is nothing to run locally`,
      names.length === 0
        ? 'declare a service under services, with dev: { command: ... }'
        : `add services.${names[0]}.dev: { command: 'npm run dev' } (the shell command that starts it on your machine) to the config`,
    );
  }
  return { run, skipped };
}
