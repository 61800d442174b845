import type { EnvironmentModel } from '../model/types.js';
import { ConfirmationRequiredError, DeclinedError } from './errors.js';

/** Asks the person at the terminal a yes/no question; resolves true for yes. */
export type Confirm = (question: string) => Promise<boolean>;

export interface ConfirmationOptions {
  /** Confirmed in advance (`--yes`, for CI). @default false */
  readonly yes?: boolean;
  /** How to ask; absent when there is no terminal to ask on. */
  readonly confirm?: Confirm;
}

/**
 * Fails at once when a production deploy or destroy could not be confirmed at all, before
 * anything is synthesized or read: no `--yes` and no terminal.
 */
export function requireConfirmationPossible(
  env: EnvironmentModel,
  action: 'deploy' | 'destroy',
  options: ConfirmationOptions,
): void {
  if (!env.production || options.yes || options.confirm) return;
  throw new ConfirmationRequiredError(
    `${env.name} is a production environment and ${action} needs a confirmation, but there is no terminal to ask on. ` +
      `Fix: run it from an interactive terminal, or pass --yes (in CI, after reviewing \`slipway diff --env ${env.name}\`).`,
  );
}

/** Asks before a production deploy or destroy, unless `--yes` was given; "no" stops the command. */
export async function confirmProduction(
  app: string,
  env: EnvironmentModel,
  action: 'deploy' | 'destroy',
  summary: string,
  options: ConfirmationOptions,
): Promise<void> {
  requireConfirmationPossible(env, action, options);
  if (!env.production || options.yes || !options.confirm) return;
  const yes = await options.confirm(
    `${action === 'deploy' ? 'Deploy to' : 'Destroy'} ${app} ${env.name} (production, ${env.account}/${env.region})? ${summary} [y/N] `,
  );
  if (!yes)
    throw new DeclinedError(`Not confirmed: nothing was ${action === 'deploy' ? 'deployed' : 'destroyed'}.`);
}
